/**
 * Issue 19 item 1: a bundle may come from someone else, so its manifest's layer paths must stay in
 * the bundle folder (by real path), name regular files and respect the size limit. Each case is a
 * reproducer from the issue; the refusal is one sentence naming the layer, the path and the fix.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { BundleError } from '../../src/errors.ts';
import { fetchFileSource } from '../../src/io/file-source.ts';
import { DATA_ROOTS_ENV, DEFAULT_MAX_FILE_BYTES, maxFileBytes, nodeFileSource } from '../../src/node/file-source.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';

const work = mkdtempSync(path.join(tmpdir(), 'siteselect-confine-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SHOPS = 'id,lon,lat\ns1,1,1\ns2,2,2\n';
let n = 0;
/** A bundle folder whose pois layer is `file`; `setup` adds whatever the case needs beside it. */
function bundle(file: string, setup: (dir: string) => void = () => {}): string {
  const dir = path.join(work, `b${n++}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({ version: 1, name: 't', layers: [{ layer: 'pois', file, columns: { category: { value: 'shop' } } }] }));
  setup(dir);
  return dir;
}

async function refusal(dir: string): Promise<BundleError> {
  const err = await loadBundleDir(dir).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(BundleError);
  return err as BundleError;
}

/** A secret outside every bundle folder, as /etc/passwd would be. */
const secret = path.join(work, 'secret.csv');
writeFileSync(secret, 'id,lon,lat\nroot,0,0\n');

// Without the test-wide data roots: these cases are about the bundle folder alone.
const savedRoots = process.env[DATA_ROOTS_ENV];
Reflect.deleteProperty(process.env, DATA_ROOTS_ENV);
afterAll(() => {
  if (savedRoots !== undefined) process.env[DATA_ROOTS_ENV] = savedRoots;
});

describe('layer paths confined to the bundle folder', () => {
  it('refuses ../../etc/passwd-style escapes, naming the layer, the path and the fix', async () => {
    const dir = bundle('../secret.csv');
    const err = await refusal(dir);
    expect(err.message).toBe(
      `bundle.json names '../secret.csv' for layer pois, but that path leads outside the bundle folder ${dir}; ` +
        `put the file inside the bundle folder ${dir} and name it by a path relative to it (or list its folder in ${DATA_ROOTS_ENV}).`,
    );
    expect(err.file).toBe('../secret.csv');
  });

  it('refuses an absolute path outside the folder', async () => {
    expect((await refusal(bundle(secret))).message).toMatch(/names '.*secret\.csv' for layer pois, but that path leads outside the bundle folder/);
  });

  it('accepts an absolute path that lies inside the folder', async () => {
    const dir = path.join(work, 'inside-abs');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'shops.csv'), SHOPS);
    writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({ version: 1, name: 't', layers: [{ layer: 'pois', file: path.join(dir, 'shops.csv'), columns: { category: { value: 'shop' } } }] }));
    expect((await loadBundleDir(dir)).pois?.ids).toEqual(['s1', 's2']);
  });

  it('refuses a symlink that leads outside the folder', async () => {
    const dir = bundle('shops.csv', (d) => symlinkSync(secret, path.join(d, 'shops.csv')));
    expect((await refusal(dir)).message).toMatch(new RegExp(`names 'shops\\.csv' for layer pois, but that path is a link to ${secret.replace(/[.]/g, '\\.')}, outside the bundle folder`));
  });

  it('accepts a symlink that stays inside the folder', async () => {
    const dir = bundle('link.csv', (d) => {
      writeFileSync(path.join(d, 'shops.csv'), SHOPS);
      symlinkSync('shops.csv', path.join(d, 'link.csv'));
    });
    expect((await loadBundleDir(dir)).pois?.ids).toEqual(['s1', 's2']);
  });

  it('refuses /dev/zero (outside, and not a regular file) without reading it', async () => {
    expect((await refusal(bundle('/dev/zero'))).message).toMatch(/names '\/dev\/zero' for layer pois, but that path leads outside/);
    // Reached through a symlink inside the folder: still refused by real path.
    const dir = bundle('zero.csv', (d) => symlinkSync('/dev/zero', path.join(d, 'zero.csv')));
    expect((await refusal(dir)).message).toMatch(/is a link to \/dev\/zero, outside the bundle folder/);
  });

  it('refuses a directory', async () => {
    const dir = bundle('shops.csv', (d) => mkdirSync(path.join(d, 'shops.csv')));
    expect((await refusal(dir)).message).toBe("bundle.json names 'shops.csv' for layer pois, but that path is a folder; name a regular data file.");
  });

  it('refuses a named pipe without waiting for a writer', async () => {
    const dir = bundle('pipe.csv', (d) => execFileSync('mkfifo', [path.join(d, 'pipe.csv')]));
    expect((await refusal(dir)).message).toBe("bundle.json names 'pipe.csv' for layer pois, but that path is a named pipe; name a regular data file.");
  });

  it('refuses a file over the size limit and says how to raise it', async () => {
    const dir = bundle('shops.csv', (d) => writeFileSync(path.join(d, 'shops.csv'), SHOPS));
    const small = nodeFileSource(dir, { maxBytes: 10 });
    await expect(small.readFile('shops.csv')).rejects.toThrow(`that file is ${SHOPS.length} bytes, over the limit of 10 bytes for one file; set SITESELECT_MAX_FILE_BYTES to a larger number of bytes to read it`);
    expect(maxFileBytes({})).toBe(DEFAULT_MAX_FILE_BYTES);
    expect(maxFileBytes({ SITESELECT_MAX_FILE_BYTES: '4096' })).toBe(4096);
    expect(maxFileBytes({ SITESELECT_MAX_FILE_BYTES: 'lots' })).toBe(DEFAULT_MAX_FILE_BYTES);
  });

  it('accepts a folder listed in SITESELECT_DATA_ROOTS', async () => {
    const shared = path.join(work, 'shared');
    mkdirSync(shared);
    writeFileSync(path.join(shared, 'shops.csv'), SHOPS);
    const dir = bundle('../shared/shops.csv');
    await refusal(dir);
    process.env[DATA_ROOTS_ENV] = shared;
    try {
      expect((await loadBundleDir(dir)).pois?.ids).toEqual(['s1', 's2']);
    } finally {
      Reflect.deleteProperty(process.env, DATA_ROOTS_ENV);
    }
  });

  it('validate prints the refusal, exit 2, and no line of the outside file', async () => {
    const dir = bundle('../secret.csv');
    let out = '';
    const io: CliIO = { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, stderrIsTTY: false, cwd: work };
    expect(await main(['validate', dir, '--rejects', '50'], io)).toBe(2);
    expect(out).toMatch(/names '\.\.\/secret\.csv' for layer pois, but that path leads outside the bundle folder/);
    expect(out).not.toContain('root');
  });
});

describe('bundle addresses in the page (fetch source)', () => {
  const page = 'http://localhost:5173/index.html';
  const saved = globalThis.location;
  const at = (href: string): void => {
    Object.defineProperty(globalThis, 'location', { value: new URL(href), configurable: true });
  };
  afterAll(() => Object.defineProperty(globalThis, 'location', { value: saved, configurable: true }));

  it('refuses a ?bundle= address on another origin', () => {
    at(page);
    expect(() => fetchFileSource('https://elsewhere.example/bundle/')).toThrow(/another origin than the page \(http:\/\/localhost:5173\)/);
  });

  it('refuses layer paths that leave the bundle folder, before any request', async () => {
    at(page);
    const source = fetchFileSource('/data/sample/');
    for (const p of ['../../secret.csv', '/etc/passwd', 'https://elsewhere.example/x.csv', '%2e%2e/%2e%2e/x.csv']) {
      await expect(source.readFile(p), p).rejects.toThrow(/leads outside the bundle folder http:\/\/localhost:5173\/data\/sample\//);
      await expect(source.exists(p), p).rejects.toThrow(/leads outside the bundle folder/);
    }
  });

  it('with a manifest kept elsewhere, a path may lead into the other named folder and nowhere else', async () => {
    at(page);
    const asked: string[] = [];
    const saved = globalThis.fetch;
    globalThis.fetch = (input: string | URL | Request) => {
      asked.push(String(input));
      return Promise.resolve(new Response('id,lon,lat\n'));
    };
    try {
      const beside = fetchFileSource('/@fs/project/test/fixtures/dc/', { alsoInside: ['/@fs/shared/data/dc/'] });
      await beside.readFile('../../../../shared/data/dc/wards.geojson');
      expect(asked).toEqual(['http://localhost:5173/@fs/shared/data/dc/wards.geojson']);
      await expect(beside.readFile('../../../../shared/data/other.csv')).rejects.toThrow(/leads outside the bundle folder/);
    } finally {
      globalThis.fetch = saved;
    }
  });
});

/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepare`, once), the tarball
 * installed into an empty folder with no network (`npm ci --offline` against the warm cache; the
 * folder's lock file pins the repository's own dependency versions, since the cache holds tarballs
 * but no registry metadata), then the `siteselect` bin, the two entry points and their types.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import { openDatabase } from '../../src/node/open-database.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { readCsvRows, runScore } from '../cli/run-score.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const sample = join(repo, 'data', 'sample');

interface Run { code: number; stdout: string; stderr: string }

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  // The parent's npm_* variables (set when the tests run under `npm test`) must not steer the child npm.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A lock file for a folder depending only on the tarball: the repository's runtime entries, no dev ones. */
function lockFor(tarball: string): object {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean } & Record<string, unknown>> };
  const root = lock.packages[''];
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', dependencies: { siteselect: `file:${tarball}` } },
    'node_modules/siteselect': { version: root.version, resolved: `file:${tarball}`, license: root.license, dependencies: root.dependencies, bin: root.bin, engines: root.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry;
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages };
}

let temp = '';
let app = '';
let files: string[] = [];
const bin = (): string => join(app, 'node_modules', '.bin', 'siteselect');

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'siteselect-pack-'));
  const pack = await run('npm', ['pack', '--json', '--pack-destination', temp], repo);
  expect(pack.code, pack.stderr).toBe(0);
  // npm prints the prepare script's output before the JSON.
  const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('\n[') + 1)) as { filename: string; files: { path: string }[] }[];
  files = info[0].files.map((f) => f.path);
  app = join(temp, 'app');
  mkdirSync(app);
  const tarball = `../${info[0].filename}`;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { siteselect: `file:${tarball}` } }));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lockFor(tarball)));
  const install = await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], app);
  expect(install.code, install.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('ships compiled JavaScript, declarations, the worker, LICENSE and schemas, and no sources or tests', () => {
    for (const f of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/node.js', 'dist/node.d.ts', 'dist/cli/bin.js', 'dist/node/kernel-worker.js', 'dist/kernel/wasm/kernel-wasm.js', 'schemas/scenario.schema.json']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|bench|scripts|notebooks|data|bin)\//.test(f))).toEqual([]);
  });

  it('installs without tsx: dev tools stay out of the user\'s node_modules', () => {
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'siteselect', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(installed.dependencies)).not.toContain('tsx');
    expect(Object.keys(installed.dependencies)).not.toContain('iconv-lite'); // tests only (GBK fixtures)
  });

  it('runs `siteselect --help` and lists every command', async () => {
    const r = await run(bin(), ['--help'], app);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ['validate', 'score', 'report', 'optimize', 'calibrate', 'notebook', 'network']) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('scores the sample with the installed bin exactly as the sources do', async () => {
    const installed = await run(bin(), ['score', '--bundle', sample, '--out', 'scores.csv', '--json', '--quiet', '--threads', '2'], app);
    expect(installed.code, installed.stderr).toBe(0);
    const summary = JSON.parse(installed.stdout) as { read: number; scored: number; rejected: number };
    expect(summary.read).toBe(2000); // data/sample/candidates.csv: 2 001 lines with the header
    expect(summary.scored + summary.rejected).toBe(summary.read);
    const fromSources = await runScore(temp, '--bundle', sample, '--out', 'src-scores.csv', '--quiet');
    expect(fromSources.code, fromSources.stderr).toBe(0);
    const rows = readCsvRows(join(app, 'scores.csv'));
    expect(rows.length).toBe(summary.scored);
    expect(readFileSync(join(app, 'scores.csv'), 'utf8')).toBe(readFileSync(join(temp, 'src-scores.csv'), 'utf8'));
  });

  it('imports runFunnel from siteselect and loadBundleDir, openDatabase from siteselect/node in a plain ESM script', async () => {
    writeFileSync(join(app, 'funnel.mjs'), [
      "import { runFunnel, parseScenario } from 'siteselect';",
      "import { loadBundleDir, openDatabase } from 'siteselect/node';",
      "import { readFile } from 'node:fs/promises';",
      'const bundle = await loadBundleDir(process.argv[2]);',
      'const database = await openDatabase();',
      "const r = await runFunnel(bundle, parseScenario(JSON.parse(await readFile(process.argv[2] + '/scenario.json', 'utf8'))), { database });",
      'await database.close();',
      'console.log(JSON.stringify([r.regions.ids.length, r.districts.ids.length, r.sites.ids, Array.from(r.sites.score)]));',
    ].join('\n'));
    const r = await run(process.execPath, ['funnel.mjs', sample], app);
    expect(r.code, r.stderr).toBe(0);
    const bundle = await loadBundleDir(sample);
    const database = await openDatabase();
    const expected = await runFunnel(bundle, parseScenario(JSON.parse(readFileSync(join(sample, 'scenario.json'), 'utf8'))), { database }).finally(() => database.close());
    expect(JSON.parse(r.stdout)).toEqual([expected.regions.ids.length, expected.districts.ids.length, expected.sites.ids, Array.from(expected.sites.score)]);
  });

  it('runs a notebook that imports siteselect/notebook with the installed bin', async () => {
    writeFileSync(join(app, 'nb.ts'), ['// %% Sum', "import { display, md } from 'siteselect/notebook';", 'const n: number = 2 + 3;', 'display(md`**${n}** sites`);'].join('\n'));
    const r = await run(bin(), ['notebook', 'nb.ts', '--out', 'nb.html'], app);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(app, 'nb.html'), 'utf8')).toContain('<strong>5</strong> sites');
  });

  it('types the entry points: a correct use checks, a wrong one fails with the declared type', async () => {
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.ts'] }));
    const use = (line: string): string => [
      "import { runFunnel, parseScenario, type FunnelResult } from 'siteselect';",
      "import { loadBundleDir, openDatabase } from 'siteselect/node';",
      "const result: FunnelResult = await runFunnel(await loadBundleDir('data'), parseScenario({ version: 1, criteria: [] }), { database: await openDatabase() });",
      line,
      'export {};',
    ].join('\n');
    const tsc = join(app, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(join(app, 'use.ts'), use('const best: number = result.sites.score[0];'));
    const good = await run(process.execPath, [tsc, '-p', '.'], app);
    expect(good.code, good.stdout).toBe(0);
    writeFileSync(join(app, 'use.ts'), use('const best: string = result.sites.score[0];'));
    const bad = await run(process.execPath, [tsc, '-p', '.'], app);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain("Type 'number' is not assignable to type 'string'");
  });
});

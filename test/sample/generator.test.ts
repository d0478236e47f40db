/**
 * The sample city generator is deterministic and the committed data/sample files are its output:
 * two runs into temporary folders give identical bytes, equal to the committed files.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSampleCity } from '../../scripts/sample/generate.ts';

const repo = new URL('../../', import.meta.url).pathname;
const sampleDir = join(repo, 'data', 'sample');
const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), 'sample-city-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('gen-sample', () => {
  it('writes byte-identical files on two runs, equal to the committed data/sample', async () => {
    const runs = ['a', 'b'].map((name) => join(temp, name));
    // Two separate processes (run side by side), so nothing can leak from one run into the other.
    await Promise.all(runs.map((out) => run(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'gen-sample.ts'), out], { cwd: repo })));
    const files = readdirSync(runs[0]).sort();
    expect(readdirSync(runs[1]).sort()).toEqual(files);
    expect(files).toContain('bundle.json');
    for (const f of files) {
      const a = readFileSync(join(runs[0], f));
      expect(a.equals(readFileSync(join(runs[1], f))), `${f} differs between runs`).toBe(true);
      expect(a.equals(readFileSync(join(sampleDir, f))), `${f} differs from data/sample; run npm run gen:sample`).toBe(true);
    }
  });

  it('changes with the seed', () => {
    const other = generateSampleCity(1).files.get('demand.csv');
    expect(other).toBeDefined();
    expect(other).not.toBe(readFileSync(join(sampleDir, 'demand.csv'), 'utf8'));
  });

  it('keeps the whole bundle under 10 MB', () => {
    // files only: a local .siteselect-cache/ folder (street graphs, git-ignored) is not the bundle
    const files = readdirSync(sampleDir, { withFileTypes: true }).filter((f) => f.isFile());
    const bytes = files.reduce((s, f) => s + readFileSync(join(sampleDir, f.name)).length, 0);
    expect(bytes).toBeLessThan(10e6);
    expect(bytes).toBeGreaterThan(1e6); // a few thousand candidates and a gazetteer are not tiny
  });
});

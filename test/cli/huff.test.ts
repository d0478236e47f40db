/**
 * `siteselect huff` writes the Huff model outlet by outlet as CSV. On the tiny hand-made bundle
 * (no own network, no competitors) each candidate is alone in its trade area: probability 1 after
 * opening, and it captures every resident within the cut-off (600 of them: all three households).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { tinyBundleFiles } from '../report/tiny-bundle.ts';
import { readCsvRows } from './run-score.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'huff-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const [name, text] of Object.entries(tinyBundleFiles())) writeFileSync(path.join(dir, name), text);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['huff', ...argv], { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, cwd: dir });
  return { code, out, err };
}

describe('siteselect huff', () => {
  it('writes one row per candidate × outlet', async () => {
    const r = await run(dir, '--out', 'h.csv');
    expect(r.code, r.err).toBe(0);
    expect(readCsvRows(path.join(dir, 'h.csv'))).toEqual(['S1', 'S2'].map((id) => ({
      candidate: id, outlet: id, kind: 'candidate', attractiveness: '1', probability_before: '0', probability_after: '1', capture_before: '0', capture_after: '600', change: '600',
    })));
    expect(r.out).toContain('S1: captures 600, of which 0 from own outlets and 0 from competitors (0 outlets)');
  });

  it('--sites picks candidates, and names an unknown one', async () => {
    const one = await run('--bundle', dir, '--sites', 'S2', '--out', 'one.csv', '--quiet');
    expect(one.code, one.err).toBe(0);
    expect(readCsvRows(path.join(dir, 'one.csv')).map((row) => row.candidate)).toEqual(['S2']);
    const bad = await run('--bundle', dir, '--sites', 'S2,S9', '--out', 'bad.csv');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("siteselect huff: --sites: no candidate 'S9'; ids look like 'S1'\n");
  });
});

/**
 * The loaders' notes reach the terminal: `validate`'s text and `score`'s standard error print them
 * (at most 3 per file, the rest counted), as `validate --json` always carried them. Case: a
 * candidate file whose quoted name swallows two whole rows (issue 19 item 5).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { layerNoteLines } from '../../src/data/layer-notes.ts';
import { tinyBundleFiles } from '../report/tiny-bundle.ts';
import { runScore } from './run-score.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'layer-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = tinyBundleFiles();
// lines 2–4 are one record: S2's and S3's rows vanish into S1's name; line 3 (S2) is a whole row
files['candidates.csv'] = 'id,name,lon,lat\nS1,"Shop 5\nS2,Shop 6,10.004,50.009\nS3,Shop 7",10.015,50.011\nS4,Plain,10.004,50.009\n';
for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);

const SPAN = 'candidates.csv: 1 row(s) span several lines because a quoted field holds line breaks: row 1 (lines 2–4)';
const SUSPICIOUS = /candidates\.csv: suspicious: row 1 \(lines 2–4\) holds 1 line\(s\) with a whole row's fields/;

describe('layer notes on the terminal', () => {
  it('validate prints them under "notes"', async () => {
    let out = '';
    const code = await main(['validate', dir], { stdout: (t) => (out += t), stderr: () => {}, stderrIsTTY: false, cwd: dir });
    expect(code).toBe(0);
    const notes = out.slice(out.indexOf('\nnotes\n'));
    expect(notes).toContain(`  ${SPAN}\n`);
    expect(notes).toMatch(SUSPICIOUS);
  });

  it('score prints them on standard error, and not with --quiet', async () => {
    const r = await runScore(dir, '--bundle', dir, '--out', 'scores.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`siteselect score: note: ${SPAN}\n`);
    expect(r.stderr).toMatch(SUSPICIOUS);
    // which column was taken for a role is validate's to list, not repeated for every bundle layer by a batch run
    const quiet = await runScore(dir, '--bundle', dir, '--out', 'quiet.csv', '--quiet');
    expect(quiet.stderr).toBe('');
  });

  it("which column a bundle layer's role was read from is validate's to list, not score's", async () => {
    const sample = path.join(new URL('../../', import.meta.url).pathname, 'data', 'sample');
    let out = '';
    expect(await main(['validate', sample], { stdout: (t) => (out += t), stderr: () => {}, stderrIsTTY: false, cwd: dir })).toBe(0);
    expect(out).toContain("  competitors.csv: column 'name' used as name\n");
    const r = await runScore(dir, '--bundle', sample, '--out', 'sample.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/used as|coordinates from columns/);
  });

  it('shows 3 notes per file and counts the rest', () => {
    const lines = layerNoteLines([{ file: 'a.csv', notes: ['n1', 'n2', 'n3', 'n4', 'n5'] }, { file: 'b.csv', notes: [] }, { file: 'c.csv', notes: ['m1'] }]);
    expect(lines).toEqual(['a.csv: n1', 'a.csv: n2', 'a.csv: n3', 'a.csv: … and 2 more note(s) (siteselect validate --json lists them all)', 'c.csv: m1']);
  });
});

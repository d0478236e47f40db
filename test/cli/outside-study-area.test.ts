/**
 * One rule for candidates outside the study area in `score`, `report` and the funnel: on the tiny
 * hand-made bundle (one region 10–10.02°E × 50–50.02°N, two districts tiling it), a third candidate
 * at 10.05°E lies outside every region. Both commands leave it uncompared, say so in the same
 * words and list it with its reason; the two sites inside are compared.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport, tableRows } from '../report/run-cli.ts';
import { tinyBundleFiles } from '../report/tiny-bundle.ts';
import { readCsvRows, runScore } from './run-score.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'outside-study-area-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = tinyBundleFiles();
files['candidates.csv'] += 'S3,Far away,10.05,50.01\n';
for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);

const NOTE = '1 candidate lies outside every region and was not compared';

describe('a candidate outside every region, in score and report', () => {
  it('score: not scored, in the rejects with its row and reason, counted', async () => {
    const r = await runScore(dir, '--bundle', dir, '--out', 'scores.csv', '--json', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { read: number; scored: number; rejected: number; outside: number; warnings: string[] };
    expect(summary).toMatchObject({ read: 3, scored: 2, rejected: 1, outside: 1 });
    expect(summary.warnings).toContain(`${NOTE} (listed in the rejects)`);
    expect(readCsvRows(path.join(dir, 'scores.csv')).map((row) => row.id).sort()).toEqual(['S1', 'S2']);
    expect(readCsvRows(path.join(dir, 'scores.rejects.csv'))).toEqual([
      { file: 'candidates.csv', row: '3', column: 'lon/lat', reason: 'outside every region: not compared (id S3)', value: '10.05 50.01' },
    ]);
  });

  it('report: not compared, the same note, listed with its reason and counted', async () => {
    const out = path.join(dir, 'report.html');
    const r = await runReport(['--bundle', dir, '--out', out, '--json', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { sites: { outside: number }; warnings: string[] };
    expect(summary.sites.outside).toBe(1);
    expect(summary.warnings).toContain(NOTE);
    const html = readFileSync(out, 'utf8');
    const rows = tableRows(html, 'table-outside');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('<td>S3</td><td>outside every region</td>');
    expect(tableRows(html, 'table-sites').join('')).not.toContain('S3');
  });
});

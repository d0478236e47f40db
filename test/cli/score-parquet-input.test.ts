/**
 * Issue 13: `siteselect score` on Parquet candidates (read a row group at a time) writes what it
 * writes for the same rows as CSV, byte for byte, and rejects the same rows for the same reasons —
 * whether the Parquet columns are all text (as bench/score-1m.ts --input parquet converts) or typed
 * by DuckDB (DOUBLE coordinates, BIGINT areas). Row groups of 2 048 rows, so the file is read in
 * several blocks; the rows carry a repeated id, a missing coordinate, a lat/lon swap and text in a
 * numeric column.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeDatabase } from '../../src/node/duckdb-native.ts';
import { runScore } from './run-score.ts';

const repo = new URL('../../', import.meta.url).pathname;
const sample = join(repo, 'data', 'sample');
const temp = mkdtempSync(join(tmpdir(), 'score-parquet-'));
const N = 6000;

/** Seeded rows inside the sample city; row 101 repeats an id, every 1 000th from 3 has no lon, every 1 500th from 7 is swapped, every 997th rent is text. */
function sitesCsv(): string {
  let seed = 20261208;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const rows = ['id,lon,lat,rent,floor_area'];
  for (let i = 0; i < N; i++) {
    let lon = (113.93 + random() * 0.25).toFixed(6);
    let lat = (22.48 + random() * 0.23).toFixed(6);
    if (i % 1000 === 3) lon = '';
    if (i % 1500 === 7) [lon, lat] = [lat, lon];
    const rent = i % 997 === 5 ? 'ask' : String(Math.round(5000 + random() * 40000));
    rows.push(`${i === 101 ? 'P50' : `P${i}`},${lon},${lat},${rent},${Math.round(60 + random() * 200)}`);
  }
  return rows.join('\n') + '\n';
}

beforeAll(async () => {
  writeFileSync(join(temp, 'sites.csv'), sitesCsv());
  const db = await openNativeDatabase();
  try {
    const csv = join(temp, 'sites.csv');
    await db.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${join(temp, 'text.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
    await db.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, types = {'floor_area': 'BIGINT', 'lat': 'DOUBLE'})) TO '${join(temp, 'typed.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
  } finally {
    await db.close();
  }
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Scores `file` into out-<name>.csv; returns the scores' text and the rejects without their file column. */
async function score(file: string): Promise<{ scores: string; rejects: string[] }> {
  const out = `out-${file}.csv`;
  const r = await runScore(temp, '--bundle', sample, '--candidates', file, '--out', out, '--memory-limit', '64MB', '--quiet', '--json');
  expect(r.code, r.stderr).toBe(0);
  const rejects = readFileSync(join(temp, `out-${file}.rejects.csv`), 'utf8').trimEnd().split('\r\n').map((line) => line.slice(line.indexOf(',') + 1));
  return { scores: readFileSync(join(temp, out), 'utf8'), rejects };
}

describe('score on Parquet candidates', () => {
  it('writes the scores and rejects it writes for the same rows as CSV, text or typed columns', async () => {
    const csv = await score('sites.csv');
    // the rejects by hand: 6 without lon, 4 swapped (out of range), 1 repeated id, and the sites outside the study area
    expect(csv.rejects[0]).toBe('row,column,reason,value');
    expect(csv.rejects.filter((r) => /missing coordinate/.test(r))).toHaveLength(6);
    expect(csv.rejects.filter((r) => /swapped/.test(r))).toHaveLength(4);
    expect(csv.rejects.filter((r) => r.startsWith('102,') && /duplicate id \(first seen in row 51\)/.test(r))).toHaveLength(1);
    expect(csv.scores.split('\r\n').length).toBeGreaterThan(N / 2);
    for (const parquet of ['text.parquet', 'typed.parquet']) {
      const got = await score(parquet);
      expect(got.rejects, parquet).toEqual(csv.rejects);
      expect(got.scores === csv.scores, `${parquet}: the scores differ from the CSV input's`).toBe(true);
    }
  }, 300_000);
});

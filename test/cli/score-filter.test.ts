/**
 * `siteselect score` applies the scenario's SQL filter (constraints.filter) through native DuckDB:
 * on the sample city, a site is marked "filtered out by: …" exactly when its row of the input file
 * fails the condition (read here from the CSV, not from the output), and no such site is kept.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvRows, runScore } from './run-score.ts';

const sample = new URL('../../data/sample', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'score-filter-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const PREDICATE = 'rent < 10000 AND floor_area > 120';

function scenarioWith(filter: string): string {
  const scenario = JSON.parse(readFileSync(join(sample, 'scenario.json'), 'utf8'));
  delete scenario.$schema;
  // the filter alone, so every not-eligible site is the filter's
  scenario.constraints = { filter };
  const file = join(temp, `scenario-${filter.length}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

describe('siteselect score --scenario with constraints.filter', () => {
  it('marks exactly the rows failing the condition and keeps none of them', async () => {
    const r = await runScore(temp, '--bundle', sample, '--scenario', scenarioWith(PREDICATE), '--out', 'filtered.csv', '--json');
    expect(r.code, r.stderr).toBe(0);
    const input = new Map(readCsvRows(join(sample, 'candidates.csv')).map((row) => [row.id, row]));
    const out = readCsvRows(join(temp, 'filtered.csv'));
    expect(out.length).toBe(1980);
    let failing = 0;
    for (const site of out) {
      const row = input.get(site.id)!;
      const passes = Number(row.rent) < 10000 && Number(row.floor_area) > 120;
      if (!passes) failing++;
      expect(site.excluded_by, site.id).toBe(passes ? '' : `filtered out by: ${PREDICATE}`);
      if (!passes) expect(site.kept).toBe('0');
    }
    // the condition separates: some sites pass, most fail
    expect(failing).toBeGreaterThan(0);
    expect(failing).toBeLessThan(out.length);
    expect(out.filter((s) => s.kept === '1').length).toBe(20);
  });

  it('refuses a filter naming an unknown column (exit 2), listing the columns', async () => {
    const r = await runScore(temp, '--bundle', sample, '--scenario', scenarioWith('rnet < 5'), '--out', 'bad.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown column "rnet" in the SQL filter; the candidates have: id, lon, lat, rent, floor_area, visibility/);
  });
});

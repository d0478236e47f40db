/**
 * The bad-input classes of the loading issue, through `siteselect score --candidates`: whole-file
 * problems exit 2 with one sentence naming the file and a command-line fix; row problems exit 0 with
 * each bad row in the rejects file (row number and reason), and read = scored + rejected.
 * The fixtures lie far from the sample city, and sites outside every region are not compared, so
 * they are scored against the sample's layers without its regions and districts (a copy in a
 * temporary folder).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScoreSummary } from '../../src/node/score/score-summary.ts';
import { readCsvRows, runScore } from './run-score.ts';

const repo = new URL('../../', import.meta.url).pathname;
const sample = join(repo, 'data', 'sample');
const bad = join(repo, 'test', 'fixtures', 'bad');
const temp = mkdtempSync(join(tmpdir(), 'score-bad-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The sample without its regions and districts: no site lies outside the study area. */
const noAreas = join(temp, 'no-areas');

beforeAll(() => {
  mkdirSync(noAreas);
  // the files only: the sample folder may also hold a cache folder other commands made
  for (const f of readdirSync(sample, { withFileTypes: true })) {
    if (f.isFile() && !['bundle.json', 'regions.geojson', 'districts.geojson'].includes(f.name)) copyFileSync(join(sample, f.name), join(noAreas, f.name));
  }
  const manifest = JSON.parse(readFileSync(join(sample, 'bundle.json'), 'utf8'));
  manifest.layers = manifest.layers.filter((l: { layer: string }) => l.layer !== 'regions' && l.layer !== 'districts');
  writeFileSync(join(noAreas, 'bundle.json'), JSON.stringify(manifest));
  // the sample scenario without its rent criterion and limit: the fixtures have no rent column
  const scenario = JSON.parse(readFileSync(join(sample, 'scenario.json'), 'utf8'));
  delete scenario.$schema;
  scenario.criteria = scenario.criteria.filter((c: { kind: string }) => c.kind !== 'attribute');
  delete scenario.constraints.maxAttribute;
  writeFileSync(join(temp, 'scenario.json'), JSON.stringify(scenario));
});

const score = (file: string, ...more: string[]) =>
  runScore(temp, '--bundle', noAreas, '--scenario', 'scenario.json', '--candidates', file.includes('/') ? file : join(bad, file), '--out', `${file.replace(/\W/g, '_')}.csv`, '--json', ...more);

describe('siteselect score refuses unusable candidate files (exit 2, one sentence)', () => {
  it.each([
    ['empty.csv', /empty\.csv is empty \(0 bytes\); export the data again or pass another --candidates file/],
    ['header-only.csv', /header-only\.csv has a header but no data rows/],
    ['no-coordinates.csv', /no-coordinates\.csv has no coordinate columns .*--address-column/],
    ['bad-encoding.csv', /bad-encoding\.csv is not readable as UTF-8 or GB18030; save it as UTF-8\.$/m],
    ['latin1.csv', /latin1\.csv is not UTF-8 and looks like Latin-1/],
    ['projected-all.csv', /projected-all\.csv holds projected metres .*pass --crs 3857/],
  ])('%s', async (file, message) => {
    const r = await score(file);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/bundle\.json/);
    expect(r.stdout).toBe('');
  });
});

describe('siteselect score rejects bad rows and scores the rest (loaded + rejected = read)', () => {
  // [file, read, rejected rows: 1-based data row → reason pattern]
  it.each([
    ['missing-coordinate.csv', { 2: /missing/i }],
    ['non-numeric.csv', { 2: /not a number|non-numeric/i }],
    ['out-of-range.csv', { 2: /longitude 200\.5 is outside ±180/ }],
    ['swapped-out-of-range.csv', { 2: /swapped/i }],
    ['duplicate-ids.csv', { 3: /duplicate id/i, 5: /duplicate id/i }],
    ['truncated.csv', { 3: /missing|field|column/i }],
    ['projected-row.csv', { 2: /projected|metres|out of range/i }],
    ['truncated-quote.csv', { 2: /quote|truncated|unterminated/i }],
  ] as [string, Record<number, RegExp>][])('%s', async (file, expected) => {
    const r = await score(file);
    expect(r.code, r.stderr).toBe(0);
    const s = ScoreSummary.parse(JSON.parse(r.stdout));
    const source = readFileSync(join(bad, file), 'utf8').trimEnd().split('\n').length - 1;
    expect(s.scored + s.rejected).toBe(s.read);
    const rejects = readCsvRows(s.rejects);
    expect(rejects).toHaveLength(s.rejected);
    for (const [row, reason] of Object.entries(expected)) {
      const hit = rejects.find((x) => x.row === row);
      expect(hit?.reason, `${file} row ${row}`).toMatch(reason);
    }
    expect(s.read).toBe(source);
    expect(existsSync(s.out)).toBe(true);
    expect(readCsvRows(s.out)).toHaveLength(s.scored);
  });
});

describe('siteselect score with no usable row', () => {
  it('exits 2 when every row is rejected (lat/lon swapped throughout), with the rejects written', async () => {
    const r = await score('swapped-most.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no row of swapped-most\.csv could be placed/);
    const s = ScoreSummary.parse(JSON.parse(r.stdout));
    expect(s).toMatchObject({ ok: false, scored: 0 });
    expect(s.rejected).toBe(s.read);
    const rejects = readCsvRows(s.rejects);
    expect(rejects).toHaveLength(s.read);
    for (const x of rejects) expect(x.reason).toMatch(/swapped/i);
  });
});

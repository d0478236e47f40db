/**
 * `siteselect score` end to end on the sample city, in process (main() with captured output):
 * ranked output whose points add up to the score, rejects that are exactly the sample's deliberate
 * misses, top-N-per-region shortlists, coordinate and address candidate files, and usage errors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { readCsvText } from '../../src/io/read-csv.ts';
import { greedyPicks, type RankedRow } from './greedy-picks.ts';
import { ScoreSummary } from '../../src/node/score/score-summary.ts';

const repo = new URL('../../', import.meta.url).pathname;
const sample = join(repo, 'data', 'sample');
const temp = mkdtempSync(join(tmpdir(), 'score-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** One kernel thread unless a test asks otherwise: worker start-up would dominate these small runs. */
async function run(...given: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const argv = given.includes('--threads') ? given : [...given, '--threads', '1'];
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd: temp };
  const code = await main(['score', ...argv], io);
  return { code, stdout, stderr };
}

function csv(file: string): Record<string, string>[] {
  const t = readCsvText(file, readFileSync(file, 'utf8'));
  return Array.from({ length: t.rowCount }, (_, r) => Object.fromEntries(t.columns.map((c) => [c, String(t.values[c][r] ?? '')])));
}

type District = Feature<Polygon, { id: string; region: string }>;
const districts = (JSON.parse(readFileSync(join(sample, 'districts.geojson'), 'utf8')) as FeatureCollection<Polygon, District['properties']>).features;
const regionOfDistrict = new Map(districts.map((d) => [d.properties.id, d.properties.region]));

describe('siteselect score on the sample city', () => {
  let all: Record<string, string>[];
  let summary: ScoreSummary;

  beforeAll(async () => {
    const r = await run(sample, '--out', 'all.csv', '--json', '--threads', '2');
    expect(r.code, r.stderr).toBe(0);
    summary = ScoreSummary.parse(JSON.parse(r.stdout));
    all = csv(join(temp, 'all.csv'));
  });

  it('scores the 1 980 placed candidates and rejects the 20 deliberate misses', () => {
    expect(summary).toMatchObject({ read: 2000, scored: 1980, rejected: 20, written: 1980, geocoded_exact: 1980, geocoded_fuzzy: 0, placed_by_coordinates: 0 });
    const rejects = csv(join(temp, 'all.rejects.csv'));
    const readme = readFileSync(join(sample, 'README.md'), 'utf8').match(/C\d{4}/g) ?? [];
    expect(rejects.map((r) => `C${r.row.padStart(4, '0')}`).sort()).toEqual([...readme].sort());
    expect(new Set(rejects.map((r) => r.reason))).toEqual(new Set(['address not found in the gazetteer']));
  });

  it('writes sites best first, and each score is the sum of its criterion points', () => {
    expect(all.map((r) => Number(r.rank))).toEqual(Array.from({ length: 1980 }, (_, i) => i + 1));
    for (let i = 1; i < all.length; i++) expect(Number(all[i].score)).toBeLessThanOrEqual(Number(all[i - 1].score));
    const pointColumns = Object.keys(all[0]).filter((c) => c.endsWith('_points'));
    expect(pointColumns.length).toBeGreaterThanOrEqual(5);
    for (const row of all) {
      const sum = pointColumns.reduce((s, c) => s + (row[c] === '' ? 0 : Number(row[c])), 0);
      expect(sum).toBeCloseTo(Number(row.score), 2); // cells carry 6 significant digits
    }
  });

  it("puts each site in a district whose parent region is the site's region", () => {
    for (const row of all) expect(regionOfDistrict.get(row.district), row.id).toBe(row.region);
    // rank_in_region counts 1, 2, 3 … down each region
    const seen = new Map<string, number>();
    for (const row of all) {
      seen.set(row.region, (seen.get(row.region) ?? 0) + 1);
      expect(Number(row.rank_in_region)).toBe(seen.get(row.region));
    }
  });

  it('writes the same bytes with one thread as with the worker pool', async () => {
    const r = await run(sample, '--out', 'one-thread.csv', '--threads', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(temp, 'one-thread.csv')).equals(readFileSync(join(temp, 'all.csv')))).toBe(true);
  });

  it('shortlists the best 3 eligible sites per region, 800 m apart (scenario minSpacing), with --top 3 --per region', async () => {
    const r = await run(sample, '--out', 'top.csv', '--top', '3', '--per', 'region');
    expect(r.code, r.stderr).toBe(0);
    const top = csv(join(temp, 'top.csv'));
    const expected = greedyPicks(all as RankedRow[], 'region', 3, 800);
    expect(top.map((row) => row.id).sort()).toEqual([...expected.values()].flat().map((row) => row.id).sort());
    expect(top).toHaveLength(3 * expected.size);
    // the spacing matters here: without it the picks would differ somewhere
    const unspaced = greedyPicks(all as RankedRow[], 'region', 3, 0);
    expect([...unspaced.values()].flat().map((row) => row.id).sort()).not.toEqual(top.map((row) => row.id).sort());
  });
});

describe('siteselect score with a candidate file', () => {
  it('scores sites given by coordinates and rejects an impossible one', async () => {
    const d = districts.find((f) => f.properties.id === 'D07')!;
    const [lon, lat] = pointOnFeature(d).geometry.coordinates;
    writeFileSync(join(temp, 'coords.csv'), `id,lon,lat,rent\nA,${lon},${lat},1000\nB,${lon + 0.002},${lat},2000\nC,200,22.6,3000\n`);
    const r = await run(sample, '--candidates', 'coords.csv', '--out', 'coords-out.csv', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, scored: 2, rejected: 1, placed_by_coordinates: 2 });
    const out = csv(join(temp, 'coords-out.csv'));
    expect(out.find((row) => row.id === 'A')).toMatchObject({ district: 'D07', region: regionOfDistrict.get('D07') });
    expect(csv(join(temp, 'coords-out.rejects.csv')).map((row) => row.row)).toEqual(['3']);
  });

  it('geocodes addresses, fuzzy ones with their confidence, and --min-confidence rejects them', async () => {
    // "Fery" is one deletion from "Ferry" (5 letters): street similarity 1 − 1/5 = 0.8
    writeFileSync(join(temp, 'addresses.csv'), 'id,address,rent\nX,604 Ferry Boulevard,9000\nY,604 Fery Boulevard,9000\nZ,604 Nowhere Road,9000\n');
    const r = await run(sample, '--candidates', 'addresses.csv', '--out', 'addr-out.csv', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, scored: 2, rejected: 1, geocoded_exact: 1, geocoded_fuzzy: 1 });
    const out = csv(join(temp, 'addr-out.csv'));
    const x = out.find((row) => row.id === 'X')!;
    const y = out.find((row) => row.id === 'Y')!;
    expect(y).toMatchObject({ placed_by: 'fuzzy', geocode_confidence: '0.8', lon: x.lon, lat: x.lat });
    const strict = await run(sample, '--candidates', 'addresses.csv', '--out', 'addr-strict.csv', '--min-confidence', '0.9', '--json');
    expect(JSON.parse(strict.stdout)).toMatchObject({ scored: 1, rejected: 2 });
    expect(csv(join(temp, 'addr-strict.rejects.csv')).find((row) => row.row === '2')?.reason).toMatch(/below the minimum/);
  });
});

describe('siteselect score usage errors exit 2 with one sentence', () => {
  it.each([
    [['--bogus'], /unknown option --bogus/],
    [[], /name the bundle folder/],
    [['SAMPLE', '--top', '0'], /--top needs a whole number/],
    [['SAMPLE', '--per', 'city'], /--per must be one of region, district, all, got 'city'/],
    [['SAMPLE', '--min-confidence', '2'], /--min-confidence needs a number from 0 to 1/],
    [['SAMPLE', '--threads', '0'], /--threads needs a whole number/],
    [['SAMPLE', '--out', 'a.csv', '--rejects', 'a.csv'], /same file/],
    [['SAMPLE', '--scenario', 'missing.json'], /missing\.json was not found/],
    [['no-such-bundle', '--scenario', join(sample, 'scenario.json')], /bundle\.json/],
  ])('%j', async (argv, message) => {
    const r = await run(...argv.map((a) => (a === 'SAMPLE' ? sample : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

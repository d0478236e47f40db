/**
 * The "best 5 in each of 200 cities" shortlist (DESIGN §1): a generated bundle (seeded) of 200 small
 * square cities — half with two districts each, half with none — demand, competitors and 20 candidate
 * sites per city, 6 of them within 60–150 m of another so that the scenario's 300 m spacing must
 * skip some. `--top-per region:5` must give exactly 5 per city, best first, 300 m apart, and exactly
 * the greedy-by-score picks worked out here from the full ranked output.
 */
import { mulberry32 } from '../../src/sensitivity/random.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScoreSummary } from '../../src/node/score/score-summary.ts';
import { greedyPicks, metres, type RankedRow } from './greedy-picks.ts';
import { readCsvRows, runScore } from './run-score.ts';

const temp = mkdtempSync(join(tmpdir(), 'score-top-per-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const CITIES = 200;
const SIZE = 0.04; // degrees: a city is about 4.4 km × 3.4 km at 40° N
const SPACING = 300;

/** Rows by region, each list in file order (Map.groupBy is not in Node 20). */
function byRegion(rows: RankedRow[]): Map<string, RankedRow[]> {
  const out = new Map<string, RankedRow[]>();
  for (const row of rows) out.set(row.region, [...(out.get(row.region) ?? []), row]);
  return out;
}


const square = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

function writeBundle(dir: string): void {
  const rnd = mulberry32(5200);
  const regions: unknown[] = [];
  const districts: unknown[] = [];
  const demand = ['id,lon,lat,population'];
  const competitors = ['id,lon,lat,brand'];
  const candidates = ['id,lon,lat,rent'];
  for (let c = 0; c < CITIES; c++) {
    const x0 = 10 + (c % 20) * 0.1;
    const y0 = 40 + Math.floor(c / 20) * 0.1;
    const city = `R${String(c).padStart(3, '0')}`;
    regions.push({ type: 'Feature', properties: { id: city, name: `City ${c}` }, geometry: square(x0, y0, x0 + SIZE, y0 + SIZE) });
    if (c % 2 === 0) {
      districts.push({ type: 'Feature', properties: { id: `${city}-W`, name: `City ${c} west`, region: city }, geometry: square(x0, y0, x0 + SIZE / 2, y0 + SIZE) });
      districts.push({ type: 'Feature', properties: { id: `${city}-E`, name: `City ${c} east`, region: city }, geometry: square(x0 + SIZE / 2, y0, x0 + SIZE, y0 + SIZE) });
    }
    const inside = () => [x0 + 0.002 + rnd() * (SIZE - 0.004), y0 + 0.002 + rnd() * (SIZE - 0.004)];
    for (let d = 0; d < 30; d++) demand.push(`${city}-P${d},${inside().map((v) => v.toFixed(6)).join(',')},${Math.round(200 + rnd() * 3000)}`);
    for (let k = 0; k < 4; k++) competitors.push(`${city}-K${k},${inside().map((v) => v.toFixed(6)).join(',')},${k % 2 ? 'Alpha' : 'Beta'}`);
    const sites: number[][] = [];
    for (let s = 0; s < 14; s++) sites.push(inside());
    for (let s = 0; s < 6; s++) {
      // a near-duplicate 60–150 m east of one of the first sites (1° lon ≈ 85 km at 40° N)
      const [lon, lat] = sites[s];
      sites.push([lon + (60 + rnd() * 90) / 85_000, lat]);
    }
    sites.forEach(([lon, lat], s) => candidates.push(`${city}-S${String(s).padStart(2, '0')},${lon.toFixed(6)},${lat.toFixed(6)},${Math.round(1000 + rnd() * 4000)}`));
  }
  writeFileSync(join(dir, 'regions.geojson'), collection(regions));
  writeFileSync(join(dir, 'districts.geojson'), collection(districts));
  writeFileSync(join(dir, 'demand.csv'), demand.join('\n') + '\n');
  writeFileSync(join(dir, 'competitors.csv'), competitors.join('\n') + '\n');
  writeFileSync(join(dir, 'candidates.csv'), candidates.join('\n') + '\n');
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify({
    version: 1, name: '200 generated cities (synthetic)', synthetic: true, crs: 'wgs84',
    layers: [
      { layer: 'regions', file: 'regions.geojson', columns: { id: 'id', name: 'name' } },
      { layer: 'districts', file: 'districts.geojson', columns: { id: 'id', name: 'name', region: 'region' } },
      { layer: 'demand', file: 'demand.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', population: 'population' } },
      { layer: 'competitors', file: 'competitors.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', brand: 'brand' } },
    ],
  }));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify({
    version: 1, name: 'best 5 per city',
    criteria: [
      { id: 'demand', kind: 'demand', weight: 3, radius: 1000 },
      { id: 'competition', kind: 'competition', weight: 1, radius: 1000 },
      { id: 'rent', kind: 'attribute', column: 'rent', direction: 'lower', weight: 1 },
    ],
    constraints: { minSpacing: SPACING },
  }));
}

describe('siteselect score --top-per region:5 over 200 generated cities', () => {
  let all: RankedRow[];
  let top: RankedRow[];
  beforeAll(async () => {
    writeBundle(temp);
    const full = await runScore(temp, '--bundle', '.', '--candidates', 'candidates.csv', '--out', 'all.csv', '--json', '--quiet');
    expect(full.code, full.stderr).toBe(0);
    expect(ScoreSummary.parse(JSON.parse(full.stdout))).toMatchObject({ read: 4000, scored: 4000, rejected: 0 });
    const short = await runScore(temp, '--bundle', '.', '--candidates', 'candidates.csv', '--top-per', 'region:5', '--out', 'top.csv', '--json', '--quiet');
    expect(short.code, short.stderr).toBe(0);
    expect(short.stderr).toBe('');
    expect(ScoreSummary.parse(JSON.parse(short.stdout))).toMatchObject({ written: 1000, top_per: { group: 'region', n: 5, min_spacing: SPACING } });
    all = readCsvRows(join(temp, 'all.csv')) as RankedRow[];
    top = readCsvRows(join(temp, 'top.csv')) as RankedRow[];
  }, 60_000);

  it('places every site in its city, with a district only in the cities that have them', () => {
    for (const row of all) {
      expect(row.region, row.id).toBe(row.id.slice(0, 4));
      const city = Number(row.id.slice(1, 4));
      if (city % 2 === 0) expect(row.district.startsWith(row.region + '-'), row.id).toBe(true);
      else expect(row.district, row.id).toBe('');
    }
  });

  it('gives exactly 5 per city, best first, at least 300 m apart', () => {
    const byCity = byRegion(top);
    expect(byCity.size).toBe(CITIES);
    for (const [city, rows] of byCity) {
      expect(rows, city).toHaveLength(5);
      for (let i = 1; i < rows.length; i++) expect(Number(rows[i].score)).toBeLessThanOrEqual(Number(rows[i - 1].score));
      for (let i = 0; i < rows.length; i++) {
        for (let j = i + 1; j < rows.length; j++) expect(metres(+rows[i].lon, +rows[i].lat, +rows[j].lon, +rows[j].lat)).toBeGreaterThanOrEqual(SPACING);
      }
    }
  });

  it('are the greedy-by-score picks of the full ranking, and the spacing changed some of them', () => {
    const expected = greedyPicks(all, 'region', 5, SPACING);
    const got = byRegion(top);
    for (const [city, rows] of expected) expect(got.get(city)?.map((r) => r.id), city).toEqual(rows.map((r) => r.id));
    const unspaced = greedyPicks(all, 'region', 5, 0);
    const differing = [...expected.keys()].filter((city) => unspaced.get(city)?.map((r) => r.id).join() !== expected.get(city)?.map((r) => r.id).join());
    expect(differing.length).toBeGreaterThan(10);
  });
});

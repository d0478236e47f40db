import { describe, expect, it } from 'vitest';
import type { LoadedBundle } from '../../src/data/layer.ts';
import { parseScenario, type ScenarioInput } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import { breakdown, funnelTable } from '../../src/score/funnel-table.ts';
import { scoreSites } from '../../src/score/score-sites.ts';
import type { LevelResult } from '../../src/score/types.ts';
import { east, pointLayer, squares } from '../criteria/fixture.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

/*
 * A strip city on the equator, 8 km × 2 km. Regions R1 = x 0–4 km, R2 = x 4–8 km; districts of
 * 2 km × 2 km each: D1, D2 in R1 and D3, D4 in R2. Demand at the district centres: 5000 (D1),
 * 3000 (D2), 1000 (D3), 500 (D4), plus 100 at x = 1500 (D1).
 * Areal demand density: R1 8100 / 8 km² beats R2 1500 / 8 km² → keep R1 (top 1). Districts of R1:
 * D1 5100 / 4 km² beats D2 → keep D1 (top 1). Candidates: c1 x 200, c2 x 1000, c3 x 1900 (all in
 * D1) and c4 x 3000 (D2, not compared). Demand within 1 km: c1 5000 (the 1500 point is 1300 m away);
 * c2 5000 + 100; c3 5000 (900 m) + 100 (400 m). Min–max → c1 0, c2 1, c3 1; c2 and c3 tie, so id order.
 */
function bundle(withCandidates = true): LoadedBundle {
  const regions = squares('regions', [['R1', [0, 0, 4000, 2000]], ['R2', [4000, 0, 8000, 2000]]]);
  const districts = squares('districts', [['D1', [0, 0, 2000, 2000]], ['D2', [2000, 0, 4000, 2000]], ['D3', [4000, 0, 6000, 2000]], ['D4', [6000, 0, 8000, 2000]]]);
  districts.text.region = ['R1', 'R1', 'R2', 'R2'];
  const demand = pointLayer('demand', [
    { id: 'h1', x: 1000, y: 1000, numeric: { population: 5000 } },
    { id: 'h2', x: 3000, y: 1000, numeric: { population: 3000 } },
    { id: 'h3', x: 5000, y: 1000, numeric: { population: 1000 } },
    { id: 'h4', x: 7000, y: 1000, numeric: { population: 500 } },
    { id: 'h5', x: 1500, y: 1000, numeric: { population: 100 } },
  ]);
  const candidates = pointLayer('candidates', [
    { id: 'c1', x: 200, y: 1000, numeric: { rent: 10 } },
    { id: 'c2', x: 1000, y: 1000, numeric: { rent: 99 } },
    { id: 'c3', x: 1900, y: 1000, numeric: { rent: 20 } },
    { id: 'c4', x: 3000, y: 1000, numeric: { rent: 5 } },
  ]);
  return { name: 'strip', synthetic: true, regions, districts, demand, ...(withCandidates ? { candidates } : {}), reports: [] };
}

function scenario(extra: Partial<ScenarioInput> = {}) {
  return parseScenario({
    version: 1,
    name: 'strip',
    criteria: [{ id: 'demand', kind: 'demand', radius: 1000 }],
    funnel: { regions: { topK: 1 }, districts: { topK: 1 }, sites: { topK: 2 } },
    ...extra,
  });
}

const byRank = (level: LevelResult) => [...level.ids.keys()].sort((a, b) => level.rank[a] - level.rank[b]).map((i) => level.ids[i]);
const keptIds = (level: LevelResult) => level.ids.filter((_, i) => level.kept[i]);

function expectContributionsSumToScore(level: LevelResult) {
  for (let i = 0; i < level.ids.length; i++) {
    expect(level.criteria.reduce((s, c) => s + c.contribution[i], 0)).toBeCloseTo(level.score[i], 9);
  }
}

describe('runFunnel on a hand-made strip city', () => {
  it('keeps R1, then D1 inside it, then scores only D1’s candidates', async () => {
    const f = await runFunnel(bundle(), scenario(), { database: testDb() });
    expect(f.regions.ids).toEqual(['R1', 'R2']);
    expect(keptIds(f.regions)).toEqual(['R1']);
    expect([...f.regions.score]).toEqual([100, 0]);
    expect(f.districts.ids).toEqual(['D1', 'D2']); // D3, D4 lie in the dropped region
    expect([...f.districts.parent]).toEqual([0, 0]);
    expect(keptIds(f.districts)).toEqual(['D1']);
    expect(f.sites.ids).toEqual(['c1', 'c2', 'c3']);
    expect([...f.sites.criteria[0].raw]).toEqual([5000, 5100, 5100]);
    expect([...f.sites.score]).toEqual([0, 100, 100]);
    expect(byRank(f.sites)).toEqual(['c2', 'c3', 'c1']);
    expect(keptIds(f.sites)).toEqual(['c2', 'c3']);
    expect([...f.sites.parent]).toEqual([0, 0, 0]);
    for (const level of [f.regions, f.districts, f.sites]) expectContributionsSumToScore(level);
  });

  it('names every candidate it does not score: in a cut district, in a cut region, outside every region', async () => {
    // c4 lies in D2 (compared, cut), c5 in D3 (in R2, cut: D3 never compared), c6 beyond the strip.
    const extra = pointLayer('candidates', [
      { id: 'c4', x: 3000, y: 1000 },
      { id: 'c5', x: 5000, y: 1000 },
      { id: 'c1', x: 200, y: 1000 },
      { id: 'c6', x: 9000, y: 1000 },
    ]);
    const f = await runFunnel({ ...bundle(), candidates: extra }, scenario(), { database: testDb() });
    expect(f.sites.ids).toEqual(['c1']);
    expect(f.outside).toEqual({ ids: ['c6'], reasons: ['outside every region'], index: [3] });
    const u = f.unreached;
    expect(u?.ids).toEqual(['c4', 'c5']);
    expect([...(u?.index ?? [])]).toEqual([0, 1]);
    expect([...(u?.district ?? [])].map((d) => (d >= 0 ? f.districts.ids[d] : null))).toEqual(['D2', null]);
    expect([...(u?.region ?? [])].map((r) => f.regions.ids[r])).toEqual(['R1', 'R2']);
  });

  it('as one funnel table (level, unit, parent, score, rank, kept) and a breakdown', async () => {
    const f = await runFunnel(bundle(), scenario(), { database: testDb() });
    const rows = funnelTable(f).map((r) => [r.level, r.id, r.parent, r.rank, r.kept]);
    expect(rows).toEqual([
      ['region', 'R1', '', 1, true], ['region', 'R2', '', 2, false],
      ['district', 'D1', 'R1', 1, true], ['district', 'D2', 'R1', 2, false],
      ['site', 'c2', 'D1', 1, true], ['site', 'c3', 'D1', 2, true], ['site', 'c1', 'D1', 3, false],
    ]);
    expect(breakdown(f.sites, 1)).toEqual([{ criterion: 'demand', label: 'Demand', weight: 1, raw: 5100, normalised: 1, contribution: 100 }]);
  });

  it('minimum spacing 1 km: c3 (900 m from c2) and c1 (800 m) are not kept', async () => {
    const f = await runFunnel(bundle(), scenario({ constraints: { minSpacing: 1000 } }), { database: testDb() });
    expect(keptIds(f.sites)).toEqual(['c2']);
  });

  it('maximum rent 50 excludes c2 and says why; c3 and c1 are kept', async () => {
    const f = await runFunnel(bundle(), scenario({ constraints: { maxAttribute: { rent: 50 } } }), { database: testDb() });
    expect(keptIds(f.sites)).toEqual(['c1', 'c3']);
    expect(f.sites.excludedBy).toEqual(['', 'rent 99 above the maximum 50', '']);
    expect(f.sites.rank[1]).toBe(1); // still ranked, only not kept
  });

  it('minimum rent 15 and a missing value: c1 (10) fails, c3 without rent fails, c2 is kept', async () => {
    const b = bundle();
    b.candidates!.numeric.rent[2] = NaN;
    const f = await runFunnel(b, scenario({ constraints: { minAttribute: { rent: 15 } } }), { database: testDb() });
    expect(f.sites.excludedBy).toEqual(['rent 10 below the minimum 15', '', 'no rent value (minimum 15)']);
    expect(keptIds(f.sites)).toEqual(['c2']);
  });

  it('an excluded area around c3 and a minimum distance to own outlets', async () => {
    const b = bundle();
    b.network = pointLayer('network', [{ id: 'n1', x: 300, y: 1000, text: { type: 'branch' } }]);
    const ring: [number, number][] = [[east(1850), east(950)], [east(1950), east(950)], [east(1950), east(1050)], [east(1850), east(1050)], [east(1850), east(950)]];
    const area = { type: 'Polygon' as const, coordinates: [ring] };
    const s = scenario({ criteria: [{ id: 'demand', kind: 'demand', radius: 1000 }], constraints: { minDistanceToOwn: 500, excludedAreas: [area] } });
    const f = await runFunnel(b, s, { database: testDb() });
    // c1 is 100 m from n1; c3 (1900, 1000) is inside the 100 m square around it
    expect(f.sites.excludedBy![0]).toBe('100 m from own outlet n1 (minimum 500 m)');
    expect(f.sites.excludedBy![2]).toBe('inside excluded area 1');
    expect(keptIds(f.sites)).toEqual(['c2']);
  });

  it('top N per region: 1 per region keeps only the best of R1', async () => {
    const f = await runFunnel(bundle(), scenario({ constraints: { topNPerRegion: 1 } }), { database: testDb() });
    expect(keptIds(f.sites)).toEqual(['c2']);
  });

  it('context terms carry the district and region scores (both 100 for D1 in R1)', async () => {
    const s = scenario({ funnel: { regions: { topK: 1 }, districts: { topK: 1 }, sites: { topK: 2 }, context: { district: 1, region: 1 } } });
    const f = await runFunnel(bundle(), s, { database: testDb() });
    const names = f.sites.criteria.map((c) => c.name);
    expect(names).toEqual(['demand', 'context_district', 'context_region']);
    expect([...f.sites.criteria[1].raw]).toEqual([100, 100, 100]);
    // weights 1, 1, 1 → c1: (0 + 1 + 1) / 3 · 100
    expect(f.sites.score[0]).toBeCloseTo(200 / 3, 9);
    expectContributionsSumToScore(f.sites);
  });

  it('without candidates: a 500 m lattice inside D1 → 4 × 4 points at 250, 750, 1250, 1750 m', async () => {
    const f = await runFunnel(bundle(false), scenario(), { database: testDb() });
    expect(f.sites.ids.length).toBe(16);
    expect(f.warnings?.[0]).toMatch(/16 lattice sites/);
    const xs = [...new Set([...f.sites.lon!].map((lon) => Math.round(lon / east(1))))].sort((a, b) => a - b);
    expect(xs).toEqual([250, 750, 1250, 1750]);
    expect(new Set(f.sites.rank).size).toBe(16);
  });

  it('lists candidates outside every region or district as not compared, and districts in no region', async () => {
    const b = bundle();
    b.candidates!.lon[3] = east(9000); // c4 moved off the map (regions end at 8 km)
    b.districts!.text.region[3] = 'R9'; // D4: unknown region id, and its interior point lies in R2 → still linked
    const f = await runFunnel(b, scenario(), { database: testDb() });
    expect(f.warnings).toEqual(['1 candidate lies outside every region and was not compared']);
    expect(f.outside).toEqual({ ids: ['c4'], reasons: ['outside every region'], index: [3] });
    // D4 moved off the map too: x 6–8 km is now in R2 but in no district, where c3 is moved
    b.districts!.geometries[3] = squares('districts', [['X', [9000, 0, 9100, 100]]]).geometries[0];
    b.candidates!.lon[2] = east(7000);
    const g = await runFunnel(b, scenario(), { database: testDb() });
    expect(g.warnings).toEqual([
      '1 district lies in no region and was not compared',
      '1 candidate lies outside every district and was not compared',
      '1 candidate lies outside every region and was not compared',
    ]);
    expect(g.outside).toEqual({ ids: ['c3', 'c4'], reasons: ['outside every district', 'outside every region'], index: [2, 3] });
    expect(g.sites.ids).toEqual(['c1', 'c2']);
  });

  it('per-level weights: a weight of 0 at a level leaves the criterion out there only', async () => {
    const s = scenario({ criteria: [{ id: 'demand', kind: 'demand' }, { id: 'total', kind: 'demand', areal: 'total', levels: { site: 0, district: 2 } }] });
    const f = await runFunnel(bundle(), s, { database: testDb() });
    expect(f.regions.criteria.map((c) => [c.name, c.weight])).toEqual([['demand', 1], ['total', 1]]);
    expect(f.districts.criteria.map((c) => [c.name, c.weight])).toEqual([['demand', 1], ['total', 2]]);
    expect(f.sites.criteria.map((c) => c.name)).toEqual(['demand']);
  });

  it('a criterion whose layer is missing is left out with a warning', async () => {
    const s = scenario({ criteria: [{ id: 'demand', kind: 'demand' }, { id: 'bus', kind: 'access' }] });
    const f = await runFunnel(bundle(), s, { database: testDb() });
    expect(f.sites.criteria.map((c) => c.name)).toEqual(['demand']);
    expect(f.warnings).toContain('criterion "bus" left out at the site level: the bundle has no transit layer');
  });
});

describe('progress and cancelling', () => {
  it('reports each criterion of each level, then 1 per level', async () => {
    const stages: string[] = [];
    await runFunnel(bundle(), scenario(), { database: testDb(), onProgress: (stage, fraction) => stages.push(`${stage} ${fraction}`) });
    expect(stages).toEqual(['region: demand 0', 'region 1', 'district: demand 0', 'district 1', 'site: demand 0', 'site 1']);
  });

  it('an aborted signal stops the run with its reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await expect(runFunnel(bundle(), scenario(), { database: testDb(), signal: controller.signal })).rejects.toThrow('user cancelled');
  });
});

describe('scoreSites', () => {
  it('scores every given site with no funnel cut; parent is the district index', async () => {
    const b = bundle();
    const r = await scoreSites(b, scenario(), b.candidates!, { database: testDb() });
    expect(r.ids).toEqual(['c1', 'c2', 'c3', 'c4']);
    // c4 at x 3000: D2's 3000 within 0 m → 3000
    expect([...r.criteria[0].raw]).toEqual([5000, 5100, 5100, 3000]);
    expect([...r.parent]).toEqual([0, 0, 0, 1]);
    expect(byRank(r)).toEqual(['c2', 'c3', 'c1', 'c4']);
  });
});

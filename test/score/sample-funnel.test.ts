/**
 * The funnel on the synthetic sample city with its default scenario (data/sample/scenario.json):
 * the cuts and constraints are checked against the scenario by brute force, and the top 20 sites
 * with their breakdowns against test/golden/sample-top20.json (rewritten only with REGEN=1).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedBundle } from '../../src/data/layer.ts';
import { haversine } from '../../src/geo/haversine.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { parseScenario, type Scenario } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import type { FunnelResult, LevelResult } from '../../src/score/types.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sampleDir = fileURLToPath(new URL('../../data/sample', import.meta.url));
const goldenFile = fileURLToPath(new URL('../golden/sample-top20.json', import.meta.url));

let bundle: LoadedBundle;
let scenario: Scenario;
let funnel: FunnelResult;

beforeAll(async () => {
  bundle = await loadBundleDir(sampleDir);
  scenario = parseScenario(JSON.parse(readFileSync(`${sampleDir}/scenario.json`, 'utf8')), 'data/sample/scenario.json');
  funnel = await runFunnel(bundle, scenario, { database: testDb() });
});

const kept = (level: LevelResult) => [...level.ids.keys()].filter((i) => level.kept[i]);
const byRank = (level: LevelResult) => [...level.ids.keys()].sort((a, b) => level.rank[a] - level.rank[b]);

/** ~6 significant digits, so the golden file does not churn on the last bits. */
function round(x: number): number | string {
  if (!Number.isFinite(x)) return String(x);
  return x === 0 ? 0 : Number(x.toPrecision(6));
}

function top20(f: FunnelResult) {
  const { sites, districts, regions } = f;
  return {
    note: 'Synthetic sample city, default scenario: top 20 sites of the funnel with their breakdowns. Regenerate with REGEN=1.',
    keptRegions: kept(regions).map((i) => regions.ids[i]),
    keptDistricts: kept(districts).map((i) => districts.ids[i]),
    sites: byRank(sites).slice(0, 20).map((i) => ({
      rank: sites.rank[i],
      id: sites.ids[i],
      name: sites.names[i],
      district: sites.parent[i] >= 0 ? districts.ids[sites.parent[i]] : null,
      score: round(sites.score[i]),
      kept: sites.kept[i] === 1,
      excludedBy: sites.excludedBy?.[i] ?? '',
      criteria: Object.fromEntries(sites.criteria.map((c) => [c.name, { raw: round(c.raw[i]), normalised: round(c.normalised[i]), contribution: round(c.contribution[i]) }])),
    })),
  };
}

describe('the funnel on the sample city', () => {
  it('scores the 5 regions and keeps the top 3 (funnel.regions.topK)', () => {
    expect(funnel.regions.ids.length).toBe(5);
    expect(kept(funnel.regions).length).toBe(3);
    const cut = Math.min(...kept(funnel.regions).map((i) => funnel.regions.score[i]));
    for (let i = 0; i < 5; i++) if (!funnel.regions.kept[i]) expect(funnel.regions.score[i]).toBeLessThanOrEqual(cut);
  });

  it('compares exactly the districts inside the kept regions, keeps 12', () => {
    const keptRegionIds = new Set(kept(funnel.regions).map((i) => funnel.regions.ids[i]));
    const all = bundle.districts!;
    const inside = all.ids.filter((_, d) => keptRegionIds.has(all.text.region[d]));
    expect([...funnel.districts.ids].sort()).toEqual(inside.sort());
    funnel.districts.parent.forEach((r) => expect(funnel.regions.kept[r]).toBe(1));
    expect(kept(funnel.districts).length).toBe(12);
  });

  it('scores only candidates inside kept districts and keeps 20 that meet every constraint', () => {
    const { sites } = funnel;
    expect(sites.ids.length).toBeGreaterThan(100);
    sites.parent.forEach((p) => expect(funnel.districts.kept[p]).toBe(1));
    const chosen = kept(sites);
    expect(chosen.length).toBe(20);
    const rent = bundle.candidates!.numeric.rent;
    const rentOf = new Map(bundle.candidates!.ids.map((id, i) => [id, rent[i]]));
    const own = bundle.network!;
    const perRegion = new Map<number, number>();
    for (const i of chosen) {
      expect(rentOf.get(sites.ids[i])!).toBeLessThanOrEqual(60000);
      for (let j = 0; j < own.ids.length; j++) expect(haversine(sites.lon![i], sites.lat![i], own.lon[j], own.lat[j])).toBeGreaterThanOrEqual(300);
      for (const k of chosen) if (k !== i) expect(haversine(sites.lon![i], sites.lat![i], sites.lon![k], sites.lat![k])).toBeGreaterThanOrEqual(800);
      const region = funnel.districts.parent[sites.parent[i]];
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
    }
    for (const count of perRegion.values()) expect(count).toBeLessThanOrEqual(8);
  });

  it('ranks are 1..n distinct at every level and every breakdown sums to its score', () => {
    for (const level of [funnel.regions, funnel.districts, funnel.sites]) {
      expect([...level.rank].sort((a, b) => a - b)).toEqual(Array.from({ length: level.ids.length }, (_, i) => i + 1));
      for (let i = 0; i < level.ids.length; i++) {
        expect(level.score[i]).toBeGreaterThanOrEqual(0);
        expect(level.score[i]).toBeLessThanOrEqual(100);
        expect(level.criteria.reduce((s, c) => s + c.contribution[i], 0)).toBeCloseTo(level.score[i], 9);
      }
    }
  });

  it('matches the golden top 20 (test/golden/sample-top20.json)', () => {
    const actual = top20(funnel);
    if (process.env.REGEN === '1' || !existsSync(goldenFile)) {
      writeFileSync(goldenFile, JSON.stringify(actual, null, 2) + '\n');
      if (process.env.REGEN !== '1') throw new Error(`wrote ${goldenFile}: no golden file existed; check it by eye and commit it`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(goldenFile, 'utf8')));
  });
});

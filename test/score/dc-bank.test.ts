/**
 * Washington, DC (../shared/data/dc through test/fixtures/dc/bundle.json): the 324 real retail
 * sites ranked for a bank branch (test/fixtures/dc-bank-scenario.json). Raw values are checked
 * against a brute-force haversine reference; the ranking against its invariants.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedBundle } from '../../src/data/layer.ts';
import { haversine } from '../../src/geo/haversine.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { parseScenario, type Scenario } from '../../src/scenario/scenario.ts';
import { rerank } from '../../src/score/rerank.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import { scoreSites } from '../../src/score/score-sites.ts';
import type { LevelResult } from '../../src/score/types.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

let bundle: LoadedBundle;
let scenario: Scenario;
let sites: LevelResult;

beforeAll(async () => {
  bundle = await loadBundleDir(fileURLToPath(new URL('../fixtures/dc', import.meta.url)));
  const file = fileURLToPath(new URL('../fixtures/dc-bank-scenario.json', import.meta.url));
  scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  sites = await scoreSites(bundle, scenario, bundle.candidates!, { database: testDb() });
});

const column = (name: string) => sites.criteria.find((c) => c.name === name)!;

describe('DC bank branch among the 324 retail sites', () => {
  it('scores all 324 with ranks 1..324 distinct, scores in 0–100, each breakdown summing to its score', () => {
    expect(sites.ids.length).toBe(324);
    expect(new Set(sites.rank).size).toBe(324);
    expect(Math.min(...sites.rank)).toBe(1);
    expect(Math.max(...sites.rank)).toBe(324);
    for (let i = 0; i < 324; i++) {
      expect(sites.score[i] >= 0 && sites.score[i] <= 100).toBe(true);
      expect(sites.criteria.reduce((s, c) => s + c.contribution[i], 0)).toBeCloseTo(sites.score[i], 9);
    }
    expect(sites.criteria.map((c) => c.name)).toEqual(['demand', 'competition', 'huff_capture', 'access', 'metro_distance', 'agglomeration']);
    expect(sites.warnings).toBeUndefined();
  });

  it('raw values equal a brute-force haversine reference (every 27th site)', () => {
    const demand = bundle.demand!;
    const comp = bundle.competitors!;
    const transit = bundle.transit!;
    for (let i = 0; i < 324; i += 27) {
      const [x, y] = [sites.lon![i], sites.lat![i]];
      // demand: tract population × (1 − d/1500) within 1500 m
      let pop = 0;
      for (let j = 0; j < demand.ids.length; j++) {
        const d = haversine(x, y, demand.lon[j], demand.lat[j]);
        if (d <= 1500) pop += demand.numeric.population[j] * (1 - d / 1500);
      }
      expect(column('demand').raw[i]).toBeCloseTo(pop, 6);
      // competition: bank branches within 800 m
      let banks = 0;
      for (let j = 0; j < comp.ids.length; j++) if (haversine(x, y, comp.lon[j], comp.lat[j]) <= 800) banks++;
      expect(column('competition').raw[i]).toBe(banks);
      // access: metro 3, circulator (bus) 1, within 800 m; nearest metro
      let stops = 0;
      let metro = Infinity;
      for (let j = 0; j < transit.ids.length; j++) {
        const d = haversine(x, y, transit.lon[j], transit.lat[j]);
        const isMetro = transit.text.mode[j] === 'metro';
        if (d <= 800) stops += isMetro ? 3 : 1;
        if (isMetro) metro = Math.min(metro, d);
      }
      expect(column('access').raw[i]).toBe(stops);
      expect(column('metro_distance').raw[i]).toBeCloseTo(metro, 6);
    }
  });

  it('with demand as the only weight, rank 1 is the site of the most decayed population', () => {
    const only = rerank(sites, { competition: 0, huff_capture: 0, access: 0, metro_distance: 0, agglomeration: 0 });
    const raw = column('demand').raw;
    const best = raw.indexOf(Math.max(...raw));
    expect(only.rank[best]).toBe(1);
  });

  it('the funnel with no cut at region and district level compares the same 324 sites and keeps the top 20', async () => {
    const f = await runFunnel(bundle, scenario, { database: testDb() });
    expect(f.regions.ids.length).toBe(8);
    expect(f.districts.ids.length).toBe(179);
    expect(f.sites.ids.length).toBe(324);
    expect(f.sites.kept.reduce((a, b) => a + b, 0)).toBe(20);
    // the site level is the same computation as batch scoring
    const byId = new Map(sites.ids.map((id, i) => [id, sites.score[i]]));
    f.sites.ids.forEach((id, i) => expect(f.sites.score[i]).toBeCloseTo(byId.get(id)!, 9));
  });
});

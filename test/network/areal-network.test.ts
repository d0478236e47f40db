/**
 * Areal forms over the street network: a district's coverage gap as the share of its demand
 * beyond X minutes' walk of every own outlet, instead of beyond X metres. River fixture (units of
 * 111.195 m, 4.8 km/h): own outlet N = (1, 0) on the west bank; demand D1 = (1, 0.5) pop 10 walks
 * 0.5 units to it (0.695 min), D2 = (2, 0.5) pop 30 walks 4.5 units over the footbridge (6.25 min)
 * though it is only 1.12 units (124 m) away in a straight line. One district holds both.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArealEvaluator } from '../../src/criteria/evaluate-areal.ts';
import { BundleInputs } from '../../src/criteria/inputs.ts';
import { linkBundle } from '../../src/data/link-bundle.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import type { CriterionSpecInput } from '../../src/scenario/criterion-spec.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { riverRoads } from './river-roads.ts';

const dir = await mkdtemp(join(tmpdir(), 'net-areal-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
await writeFile(join(dir, 'roads.geojson'), JSON.stringify(riverRoads));
await writeFile(join(dir, 'demand.csv'), 'id,lon,lat,population\nD1,0.001,0.0005,10\nD2,0.002,0.0005,30\n');
await writeFile(join(dir, 'network.csv'), 'id,lon,lat,type\nN,0.001,0,branch\n');
const square = [[[0.0005, -0.0005], [0.0025, -0.0005], [0.0025, 0.0045], [0.0005, 0.0045], [0.0005, -0.0005]]];
await writeFile(join(dir, 'districts.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'R1', name: 'Riverside' }, geometry: { type: 'Polygon', coordinates: square } }] }));
await writeFile(join(dir, 'bundle.json'), JSON.stringify({
  version: 1, name: 'river', roads: { file: 'roads.geojson' },
  layers: ['demand', 'network'].map((layer) => ({ layer, file: `${layer}.csv` })).concat([{ layer: 'districts', file: 'districts.geojson' }]),
}));
const bundle = await loadBundleDir(dir);

async function districtValue(criterion: CriterionSpecInput): Promise<number> {
  const scenario = parseScenario({ version: 1, name: 't', criteria: [criterion] });
  const inputs = new BundleInputs(bundle, scenario, linkBundle(bundle), createKernel());
  const result = await new ArealEvaluator(inputs, bundle.districts!, 'district').evaluate(scenario.criteria[0]);
  if (!('raw' in result)) throw new Error(result.missing);
  return result.raw[0];
}

describe('coverage gap of a district over the walk network', () => {
  const walk = { metric: 'network', profile: 'walk', unit: 'minutes' } as const;
  it('counts D2 as beyond 5 minutes’ walk of the outlet: 30 of 40 people', async () => {
    expect(await districtValue({ id: 'g', kind: 'coverage_gap', distance: 5, travel: walk })).toBeCloseTo(0.75, 12);
  });
  it('covers both within 7 minutes’ walk', async () => {
    expect(await districtValue({ id: 'g', kind: 'coverage_gap', distance: 7, travel: walk })).toBe(0);
  });
  it('in a straight line both lie within 200 m', async () => {
    expect(await districtValue({ id: 'g', kind: 'coverage_gap', distance: 200 })).toBe(0);
  });
  it('in walking metres D2 is 500 m away: beyond 200 m', async () => {
    expect(await districtValue({ id: 'g', kind: 'coverage_gap', distance: 200, travel: { metric: 'network', profile: 'walk', unit: 'metres' } })).toBeCloseTo(0.75, 12);
  });
  it('refuses minutes without a distance, as the site form does', async () => {
    await expect(districtValue({ id: 'g', kind: 'coverage_gap', travel: walk })).rejects.toThrow('needs "distance" in minutes');
  });
});

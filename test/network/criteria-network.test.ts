/**
 * Criteria measured over the street network, on the river fixture (units of 111.195 m). Sites
 * C = (1, 0) west and C2 = (2, 0) east of the river; demand D1 = (1, 0.5) pop 10 and D2 = (2, 0.5)
 * pop 30; competitor K = (2, 0); own outlet N = (1, 0).
 * Walking: D1 → C 0.5 units (0.695 min at 4.8 km/h), D2 → C 4.5 units over the footbridge (6.25 min).
 * Driving (25 km/h, the bridge one-way west → east): D1 → C2 = 3.5 + 1 + 4 = 8.5 units (2.27 min);
 * D2 cannot reach C at all; C → K = 9 units (2.40 min).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SiteEvaluator } from '../../src/criteria/evaluate-site.ts';
import { BundleInputs } from '../../src/criteria/inputs.ts';
import { linkBundle } from '../../src/data/link-bundle.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { criterionLabel } from '../../src/score/level-criteria.ts';
import type { CriterionSpecInput } from '../../src/scenario/criterion-spec.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { riverRoads, UNIT } from './river-roads.ts';

const dir = await mkdtemp(join(tmpdir(), 'net-criteria-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
await writeFile(join(dir, 'roads.geojson'), JSON.stringify(riverRoads));
await writeFile(join(dir, 'demand.csv'), 'id,lon,lat,population\nD1,0.001,0.0005,10\nD2,0.002,0.0005,30\n');
await writeFile(join(dir, 'candidates.csv'), 'id,lon,lat\nC,0.001,0\nC2,0.002,0\n');
await writeFile(join(dir, 'competitors.csv'), 'id,lon,lat,brand\nK,0.002,0,A\n');
await writeFile(join(dir, 'network.csv'), 'id,lon,lat,type\nN,0.001,0,branch\n');
await writeFile(join(dir, 'bundle.json'), JSON.stringify({
  version: 1, name: 'river', roads: { file: 'roads.geojson' },
  layers: ['demand', 'candidates', 'competitors', 'network'].map((layer) => ({ layer, file: `${layer}.csv` })),
}));
const bundle = await loadBundleDir(dir);

async function evaluate(criterion: CriterionSpecInput): Promise<number[]> {
  const scenario = parseScenario({ version: 1, name: 't', criteria: [criterion] });
  const inputs = new BundleInputs(bundle, scenario, linkBundle(bundle), createKernel());
  const result = await new SiteEvaluator(inputs, { sites: bundle.candidates!, district: new Int32Array(2).fill(-1) }).evaluate(scenario.criteria[0]);
  if (!('raw' in result)) throw new Error(result.missing);
  return Array.from(result.raw);
}

const walk = { metric: 'network', profile: 'walk', unit: 'minutes' } as const;
const drive = { metric: 'network', profile: 'drive', unit: 'minutes' } as const;

describe('criteria over the street network', () => {
  it('demand within 2 minutes on foot stays on its own bank; a 200 m circle takes both', async () => {
    expect(await evaluate({ id: 'd', kind: 'demand', radius: 2, travel: walk })).toEqual([10, 30]);
    expect(await evaluate({ id: 'd', kind: 'demand', radius: 200 })).toEqual([40, 40]);
    expect(await evaluate({ id: 'd', kind: 'demand', radius: 7, travel: walk })).toEqual([40, 40]);
  });

  it('driving follows the one-way bridge: within 3 minutes C2 draws both banks, C only its own', async () => {
    expect(await evaluate({ id: 'd', kind: 'demand', radius: 3, travel: drive })).toEqual([10, 40]);
    expect((8.5 * UNIT) / (25 / 3.6) / 60).toBeLessThan(3);
  });

  it('metres: a linear taper over the walking distance', async () => {
    const [c] = await evaluate({ id: 'd', kind: 'demand', radius: 600, decay: { kind: 'linear' }, travel: { metric: 'network', profile: 'walk', unit: 'metres' } });
    expect(c).toBeCloseTo(10 * (1 - (0.5 * UNIT) / 600) + 30 * (1 - (4.5 * UNIT) / 600), 6);
  });

  it('Huff capture by drive time (cut-off 3 min, floor 1 min, β 2): pressures only from outlets the demand can reach', async () => {
    const minute = (units: number): number => (units * UNIT) / (25 / 3.6) / 60;
    const far = minute(8.5) ** -2; // D1 → K or C2 round by the bridge; closer ones are floored at 1 min
    const s1 = 1 + far; // D1: own outlet N beside it (1) + competitor K (far)
    const s2 = 1; // D2: K beside it; N and C are out of reach across the one-way bridge
    const [c, c2] = await evaluate({ id: 'h', kind: 'huff_share', travel: { ...drive, cutoff: 3 } });
    expect(c).toBeCloseTo((10 * 1) / (s1 + 1), 6);
    expect(c2).toBeCloseTo((10 * far) / (s1 + far) + (30 * 1) / (s2 + 1), 6);
  });

  it('coverage gap: D2 is 6.25 minutes’ walk from the own outlet N, so it is a blind spot on foot but not in a 200 m circle', async () => {
    expect(await evaluate({ id: 'g', kind: 'coverage_gap', radius: 2, distance: 2, travel: walk })).toEqual([0, 30]);
    expect(await evaluate({ id: 'g', kind: 'coverage_gap', radius: 200, distance: 200 })).toEqual([0, 0]);
    await expect(evaluate({ id: 'g', kind: 'coverage_gap', radius: 2, travel: walk })).rejects.toThrow(/needs "distance" in minutes/);
  });

  it('nearest competitor by car: C must go round by the bridge (9 units), C2 is at it', async () => {
    const [c, c2] = await evaluate({ id: 'k', kind: 'competition', measure: 'nearest', travel: drive });
    expect(c).toBeCloseTo((9 * UNIT) / (25 / 3.6) / 60, 6);
    expect(c2).toBeCloseTo(0, 9);
  });

  it('a site beyond the snap limit gets no value, and the run says how many points did not snap', async () => {
    const far = { ...bundle.candidates!, ids: ['C', 'FAR'], lon: Float64Array.of(0.001, 0.05), lat: Float64Array.of(0, 0) };
    const scenario = parseScenario({ version: 1, name: 't', criteria: [{ id: 'd', kind: 'demand', radius: 2, travel: walk }] });
    const inputs = new BundleInputs(bundle, scenario, linkBundle(bundle), createKernel());
    const result = await new SiteEvaluator(inputs, { sites: far, district: new Int32Array(2).fill(-1) }).evaluate(scenario.criteria[0]);
    if (!('raw' in result)) throw new Error(result.missing);
    expect(result.raw[0]).toBe(10);
    expect(result.raw[1]).toBeNaN();
    expect(result.notes).toEqual(['1 of 2 points lie farther than 500 m from every street of the walk network and are out of reach (sites among them get no value)']);
  });

  it('labels say which metric was used', () => {
    const scenario = parseScenario({ version: 1, name: 't', criteria: [{ id: 'd', kind: 'demand', travel: walk }, { id: 'e', kind: 'demand' }] });
    expect(criterionLabel(scenario.criteria[0])).toBe('Demand (walk network, min)');
    expect(criterionLabel(scenario.criteria[1])).toBe('Demand');
  });
});

/**
 * A scenario with cannibalisation and coverage_gap on a bundle with no own outlets: each criterion
 * says, once per level it is weighted at, what it does instead (issue 12).
 */
import { describe, expect, it } from 'vitest';
import type { LoadedBundle, PointLayer } from '../../src/data/layer.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

function points(layer: PointLayer['layer'], coords: [number, number][], numeric: Record<string, number[]> = {}): PointLayer {
  return {
    kind: 'point', layer, ids: coords.map((_, i) => `${layer}${i + 1}`),
    lon: Float64Array.from(coords, (c) => c[0]), lat: Float64Array.from(coords, (c) => c[1]),
    numeric: Object.fromEntries(Object.entries(numeric).map(([k, v]) => [k, Float64Array.from(v)])), text: {},
  };
}

const bundle: LoadedBundle = {
  name: 'no own outlets', synthetic: true, reports: [],
  demand: points('demand', [[0, 0], [0.001, 0], [0.02, 0]], { population: [100, 50, 30] }),
  candidates: points('candidates', [[0, 0], [0.02, 0.0005]]),
};

describe('criteria whose own-network input is missing', () => {
  it('warn and say what they do instead; coverage_gap then equals demand within the radius', async () => {
    const scenario = parseScenario({
      version: 1,
      name: 'copied from the sample',
      criteria: [
        { id: 'cannibalisation', kind: 'cannibalisation', weight: 1 },
        { id: 'gap', kind: 'coverage_gap', weight: 1, radius: 500 },
      ],
    });
    const result = await runFunnel(bundle, scenario, { database: testDb() });
    const warnings = result.warnings ?? [];
    expect(warnings).toContain('criterion "cannibalisation" at the site level: the bundle has no own outlets (network layer), so nothing is taken from them: every unit gets 0 and the criterion separates nothing (drop it or give it weight 0 until there is a network)');
    expect(warnings).toContain('criterion "gap" at the site level: the bundle has no own outlets (network layer), so all demand counts as uncovered: the criterion measures the same as a demand criterion over its radius');
    const sites = result.sites;
    const column = (name: string) => sites.criteria.find((c) => c.name === name)!.raw;
    // Site 1 at (0, 0): demand points 1 (0 m) and 2 (~111 m) within 500 m → 150; site 2: point 3 (~56 m) → 30.
    expect(Array.from(column('gap'))).toEqual([150, 30]);
    expect(Array.from(column('cannibalisation'))).toEqual([0, 0]);
  });
});

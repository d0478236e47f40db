/**
 * A new site's Huff attractiveness: its own `attractiveness` value where it has one, else its
 * type's (outletTypes[candidateType]); never their product. Worked by hand: one demand point of 100
 * people, one competitor of attractiveness 1 and each candidate at the same distance from it, β = 2,
 * so the candidate captures 100 · A / (A + 1).
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

describe('candidate attractiveness in Huff', () => {
  it('is the site\'s column where given, else the candidate type\'s', async () => {
    const bundle: LoadedBundle = {
      name: 'huff by hand', synthetic: true, reports: [],
      demand: points('demand', [[0, 0]], { population: [100] }),
      competitors: points('competitors', [[-0.001, 0]], { attractiveness: [1] }),
      // Both candidates lie 0.001° (≈ 111 m) from the demand point, as the competitor does.
      candidates: points('candidates', [[0.001, 0], [0, 0.001]], { attractiveness: [4, NaN] }),
    };
    const scenario = parseScenario({
      version: 1, name: 'huff', candidateType: 'branch',
      outletTypes: { branch: { radius: 2000, attractiveness: 5000 } },
      huff: { alpha: 1, beta: 2, cutoff: 5000, floor: 50 },
      criteria: [{ id: 'capture', kind: 'huff_share', measure: 'capture', weight: 1 }],
    });
    const result = await runFunnel(bundle, scenario, { database: testDb() });
    const capture = result.sites.criteria.find((c) => c.name === 'capture')!.raw;
    expect(capture[0]).toBeCloseTo((100 * 4) / 5, 6); // its column: 4, not 4 × 5000
    expect(capture[1]).toBeCloseTo((100 * 5000) / 5001, 6); // no value: the branch type's 5000
  });
});

/**
 * The Huff model outlet by outlet (issue 12). Hand-worked case on the equator (α 1, β 2): 100
 * people at x 0, an own outlet at x 1000 m, a competitor at x −2000 m, all attractiveness 1.
 * Before: u_own = 1/1000², u_rival = 1/2000² → P 0.8 and 0.2. A candidate at x 500 m (u = 4/1000²):
 * after, P = 4/5.25, 1/5.25, 0.25/5.25 → captures 76.190476, 19.047619, 4.761905.
 */
import { describe, expect, it } from 'vitest';
import { bundleHuffDetail } from '../../src/criteria/huff-detail.ts';
import type { LoadedBundle } from '../../src/data/layer.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { scoreSites } from '../../src/score/score-sites.ts';
import { pointLayer } from './fixture.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

function bundle(): LoadedBundle {
  return {
    name: 'line', synthetic: true, reports: [],
    demand: pointLayer('demand', [{ id: 'h', x: 0, numeric: { population: 100 } }]),
    network: pointLayer('network', [{ id: 'own', x: 1000, text: { type: 'other' } }]),
    competitors: pointLayer('competitors', [{ id: 'rival', x: -2000, text: { brand: 'B' } }]),
    candidates: pointLayer('candidates', [{ id: 'c', x: 500, numeric: { attractiveness: 1 } }, { id: 'far', x: 9000, numeric: { attractiveness: 1 } }]),
  };
}

const scenario = parseScenario({
  version: 1, name: 'huff',
  criteria: [{ id: 'capture', kind: 'huff_share' }, { id: 'cannibalisation', kind: 'cannibalisation' }],
  huff: { alpha: 1, beta: 2, cutoff: 5000, floor: 50 },
});

describe('per-outlet Huff probabilities and captures', () => {
  it('the hand-worked case, outlet by outlet', () => {
    const b = bundle();
    const rows = bundleHuffDetail(b, scenario, b.candidates!).filter((r) => r.candidate === 'c');
    expect(rows.map((r) => [r.outlet, r.kind])).toEqual([['c', 'candidate'], ['own', 'own'], ['rival', 'competitor']]);
    const [c, own, rival] = rows;
    expect(c.probabilityBefore).toBe(0);
    expect(c.probabilityAfter).toBeCloseTo(4 / 5.25, 12);
    expect(own.probabilityBefore).toBeCloseTo(0.8, 12);
    expect(own.probabilityAfter).toBeCloseTo(1 / 5.25, 12);
    expect(rival.probabilityAfter).toBeCloseTo(0.25 / 5.25, 12);
    expect([c.captureAfter, own.captureBefore, own.captureAfter, rival.captureBefore, rival.captureAfter].map((x) => x.toFixed(6)))
      .toEqual(['76.190476', '80.000000', '19.047619', '20.000000', '4.761905']);
  });

  it('a candidate beyond the cut-off of all demand meets no outlet and captures nothing', () => {
    const b = bundle();
    const far = bundleHuffDetail(b, scenario, b.candidates!).filter((r) => r.candidate === 'far');
    expect(far).toEqual([{ candidate: 'far', outlet: 'far', kind: 'candidate', attractiveness: 1, probabilityBefore: 0, probabilityAfter: 0, captureBefore: 0, captureAfter: 0 }]);
  });

  it('agrees with the kernel’s huff_share capture and cannibalisation', async () => {
    const b = bundle();
    const scored = await scoreSites(b, scenario, b.candidates!, { database: testDb() });
    const detail = bundleHuffDetail(b, scenario, b.candidates!);
    b.candidates!.ids.forEach((id, i) => {
      const rows = detail.filter((r) => r.candidate === id);
      const ownLoss = -rows.filter((r) => r.kind === 'own').reduce((s, r) => s + r.captureAfter - r.captureBefore, 0);
      expect(rows[0].captureAfter).toBeCloseTo(scored.criteria[0].raw[i], 6);
      expect(ownLoss).toBeCloseTo(scored.criteria[1].raw[i], 6);
    });
  });
});

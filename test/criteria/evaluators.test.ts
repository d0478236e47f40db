/**
 * Every criterion wired through BundleInputs and the evaluators (areal and site forms) on two 2 km × 2 km
 * districts on the equator (D1 = x 0–2 km, D2 = x 2–4 km, both y 0–2 km, area 4 km² each).
 * Points lie on y = 1 km, named by x in metres:
 *   demand  a 500 (1000), b 1500 (3000) in D1; d 2500 (4000), e 2850 (500), c 3500 (2000) in D2
 *   own     n1 branch 400 (radius 2000, A 1), n3 self-service 1800 (radius 1000, A 0.3), n2 agent 3900 (radius 1000, A 0.5)
 *   rivals  k1 1600 brand A (attractiveness 2), k2 2600 brand B (1), k3 3000 brand A (1)
 *   pois    p1 100 restaurant, p2 2100 restaurant, p3 2200 bank
 *   transit t1 1000 metro, t2 3000 bus, t3 3100 bus
 */
import { describe, expect, it } from 'vitest';
import { ArealEvaluator } from '../../src/criteria/evaluate-areal.ts';
import { SiteEvaluator } from '../../src/criteria/evaluate-site.ts';
import { BundleInputs } from '../../src/criteria/inputs.ts';
import type { LoadedBundle } from '../../src/data/layer.ts';
import { linkBundle } from '../../src/data/link-bundle.ts';
import { createKernel } from '../../src/kernel/index.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { pointLayer, squares } from './fixture.ts';

const bundle: LoadedBundle = {
  name: 'two districts',
  synthetic: true,
  reports: [],
  districts: squares('districts', [['D1', [0, 0, 2000, 2000]], ['D2', [2000, 0, 4000, 2000]]], { income: [10, 20] }),
  demand: pointLayer('demand', [
    { id: 'a', x: 500, y: 1000, numeric: { population: 1000, income: 2 } },
    { id: 'b', x: 1500, y: 1000, numeric: { population: 3000 } },
    { id: 'd', x: 2500, y: 1000, numeric: { population: 4000 } },
    { id: 'e', x: 2850, y: 1000, numeric: { population: 500 } },
    { id: 'c', x: 3500, y: 1000, numeric: { population: 2000 } },
  ]),
  network: pointLayer('network', [
    { id: 'n1', x: 400, y: 1000, text: { type: 'branch' } },
    { id: 'n3', x: 1800, y: 1000, text: { type: ' Self-Service' } }, // type matched ignoring case and spaces
    { id: 'n2', x: 3900, y: 1000, text: { type: 'agent' } },
  ]),
  competitors: pointLayer('competitors', [
    { id: 'k1', x: 1600, y: 1000, text: { brand: 'A' }, numeric: { attractiveness: 2 } },
    { id: 'k2', x: 2600, y: 1000, text: { brand: 'B' }, numeric: { attractiveness: 1 } },
    { id: 'k3', x: 3000, y: 1000, text: { brand: 'A' }, numeric: { attractiveness: 1 } },
  ]),
  pois: pointLayer('pois', [
    { id: 'p1', x: 100, y: 1000, text: { category: 'restaurant' } },
    { id: 'p2', x: 2100, y: 1000, text: { category: 'restaurant' } },
    { id: 'p3', x: 2200, y: 1000, text: { category: 'bank' } },
  ]),
  transit: pointLayer('transit', [
    { id: 't1', x: 1000, y: 1000, text: { mode: 'metro' } },
    { id: 't2', x: 3000, y: 1000, text: { mode: 'bus' } },
    { id: 't3', x: 3100, y: 1000, text: { mode: 'bus' } },
  ]),
};

const scenario = parseScenario({
  version: 1,
  name: 'areal',
  criteria: [
    { id: 'density', kind: 'demand' },
    { id: 'total', kind: 'demand', areal: 'total' },
    { id: 'spend', kind: 'demand', areal: 'total', times: 'income' },
    { id: 'rivals', kind: 'competition' },
    { id: 'rivalsA', kind: 'competition', brands: ['A'] },
    { id: 'rivalsW', kind: 'competition', weightByAttractiveness: true },
    { id: 'hhi', kind: 'competition', measure: 'concentration' },
    { id: 'share', kind: 'huff_share' },
    { id: 'overlap', kind: 'cannibalisation' },
    { id: 'pois', kind: 'agglomeration' },
    { id: 'food', kind: 'agglomeration', categories: ['restaurant'] },
    { id: 'stops', kind: 'access' },
    { id: 'gap', kind: 'coverage_gap' },
    { id: 'norm', kind: 'network_norm' },
    { id: 'income', kind: 'attribute', column: 'rent', areaColumn: 'income' },
  ],
});

async function areal(id: string): Promise<number[]> {
  const inputs = new BundleInputs(bundle, scenario, linkBundle(bundle), createKernel());
  const result = await new ArealEvaluator(inputs, bundle.districts!, 'district').evaluate(scenario.criteria.find((c) => c.id === id)!);
  if (!('raw' in result)) throw new Error(result.missing);
  return [...result.raw];
}

const close = (actual: number[], expected: number[]) => expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 4));

describe('areal forms per district', () => {
  it('demand: D1 4000, D2 6500 → per 4 km²: 1000, 1625', async () => {
    close(await areal('total'), [4000, 6500]);
    close(await areal('density'), [1000, 1625]);
  });

  it('affluence: population × income, a missing income counting 0 → D1 1000 · 2, D2 0', async () => {
    close(await areal('spend'), [2000, 0]);
  });

  it('competitors per 10 000 residents: 1/4000 → 2.5, 2/6500 → 3.0769; brand A: 2.5, 1.5385; weighted: 5, 3.0769', async () => {
    close(await areal('rivals'), [2.5, 20000 / 6500]);
    close(await areal('rivalsA'), [2.5, 10000 / 6500]);
    close(await areal('rivalsW'), [5, 20000 / 6500]);
  });

  it('brand concentration (Herfindahl): D1 only brand A → 1; D2 one A and one B → ½² + ½² = 0.5', async () => {
    close(await areal('hhi'), [1, 0.5]);
  });

  it('huff share: Σ w·O/S / Σ w with A·d^−2, own A = type attractiveness (1, 0.3, 0.5)', async () => {
    // utilities of every outlet for each demand point (all within the 5 km cut-off), written out
    const own = [[400, 1], [1800, 0.3], [3900, 0.5]];
    const rivals = [[1600, 2], [2600, 1], [3000, 1]];
    const share = (x: number) => {
      const u = (list: number[][]) => list.reduce((s, [at, a]) => s + a / Math.max(Math.abs(x - at), 50) ** 2, 0);
      return u(own) / (u(own) + u(rivals));
    };
    const d1 = (1000 * share(500) + 3000 * share(1500)) / 4000;
    const d2 = (4000 * share(2500) + 500 * share(2850) + 2000 * share(3500)) / 6500;
    const got = await areal('share');
    expect(got[0]).toBeCloseTo(d1, 9);
    expect(got[1]).toBeCloseTo(d2, 9);
  });

  it('overlap of own trade areas: b lies within n1 (1100 ≤ 2000) and n3 (300 ≤ 1000) → D1 3000/4000; D2 none', async () => {
    close(await areal('overlap'), [0.75, 0]);
  });

  it('POIs per km²: all 1/4, 2/4; restaurants only 1/4, 1/4', async () => {
    close(await areal('pois'), [0.25, 0.5]);
    close(await areal('food'), [0.25, 0.25]);
  });

  it('weighted stops per km²: metro 3 → 0.75; two buses → 0.5', async () => {
    close(await areal('stops'), [0.75, 0.5]);
  });

  it('coverage gap: e (2850) is 2450 m from n1, 1050 m from n3 and n2 → 500/6500 of D2', async () => {
    close(await areal('gap'), [0, 500 / 6500]);
  });

  it('residents per outlet after opening one: 4000/(2+1), 6500/(1+1)', async () => {
    close(await areal('norm'), [4000 / 3, 3250]);
  });

  it('attribute: the districts’ own column', async () => {
    close(await areal('income'), [10, 20]);
  });
});

describe('site forms wired through SiteEvaluator (same city; sites s1 at 1000 m in D1, s2 at 2700 m in D2)', () => {
  const sites = pointLayer('candidates', [{ id: 's1', x: 1000, y: 1000 }, { id: 's2', x: 2700, y: 1000 }]);

  async function site(id: string, spec?: object): Promise<number[]> {
    const s = spec ? parseScenario({ version: 1, name: 'site', criteria: [{ id, ...spec }] }) : scenario;
    const inputs = new BundleInputs(bundle, s, linkBundle(bundle), createKernel());
    const evaluator = new SiteEvaluator(inputs, { sites, district: Int32Array.of(0, 1) });
    const result = await evaluator.evaluate(s.criteria.find((c) => c.id === id)!);
    if (!('raw' in result)) throw new Error(result.missing);
    return [...result.raw];
  }

  it('network_norm: the site’s district after it opens: 4000/3, 3250', async () => {
    close(await site('norm'), [4000 / 3, 3250]);
  });

  it('brand concentration within 1 km: s1 sees k1 (A) only → 1; s2 sees k2 (B, 100 m) and k3 (A, 300 m) → 0.5', async () => {
    close(await site('hhi'), [1, 0.5]);
  });

  it('coverage gap within 1 km: s1 none; s2 reaches d (covered by n3), e (uncovered, 500), c (covered by n2)', async () => {
    close(await site('gap'), [0, 500]);
  });

  it('Huff capture and cannibalisation equal the pairwise reference with the candidate as a branch (A 1)', async () => {
    const capture = await site('cap', { kind: 'huff_share' });
    const cannibal = await site('can', { kind: 'cannibalisation' });
    const demand = bundle.demand!;
    const w = demand.numeric.population;
    const own = [[400, 1], [1800, 0.3], [3900, 0.5]];
    const rivals = [[1600, 2], [2600, 1], [3000, 1]];
    [1000, 2700].forEach((sx, s) => {
      let cap = 0;
      let lost = 0;
      [500, 1500, 2500, 2850, 3500].forEach((x, i) => {
        const u = (list: number[][]) => list.reduce((sum, [at, a]) => sum + a / Math.max(Math.abs(x - at), 50) ** 2, 0);
        const t = 1 / Math.max(Math.abs(x - sx), 50) ** 2;
        const total = u(own) + u(rivals);
        cap += (w[i] * t) / (total + t);
        lost += w[i] * (u(own) / total - u(own) / (total + t));
      });
      expect(capture[s]).toBeCloseTo(cap, 6);
      expect(cannibal[s]).toBeCloseTo(lost, 6);
    });
  });
});

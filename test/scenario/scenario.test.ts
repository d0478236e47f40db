import { describe, expect, it } from 'vitest';
import { BundleError } from '../../src/errors.ts';
import { parseScenario, Scenario } from '../../src/scenario/scenario.ts';

const minimal = { version: 1, name: 'test', criteria: [{ id: 'pop', kind: 'demand' }] };

describe('parseScenario', () => {
  it('fills the DESIGN §3 defaults in brackets', () => {
    const s = parseScenario(minimal);
    expect(s.huff).toEqual({ alpha: 1, beta: 2, cutoff: 5000, floor: 50 });
    expect(s.criteria[0]).toMatchObject({ id: 'pop', kind: 'demand', weight: 1, radius: 1000, decay: { kind: 'uniform' }, normalise: 'minmax', column: 'population' });
    expect(s.funnel.latticeSpacing).toBe(500);
    expect(s.combine).toBe('sum');
    expect(s.outletTypes.branch.radius).toBe(2000);
  });

  it('names the bad path and the file', () => {
    const bad = { ...minimal, criteria: [{ id: 'pop', kind: 'demand' }, { id: 'rent', kind: 'attribute', column: 'rent', weight: -1 }] };
    expect(() => parseScenario(bad, 'my.json')).toThrow(BundleError);
    expect(() => parseScenario(bad, 'my.json')).toThrow(/^my\.json: criteria\[1\]\.weight: /);
  });

  it('names a nested bad decay parameter', () => {
    const bad = { ...minimal, criteria: [{ id: 'pop', kind: 'demand', decay: { kind: 'exponential', lambda: 0 } }] };
    expect(() => parseScenario(bad)).toThrow(/criteria\[0\]\.decay\.lambda/);
  });

  it('rejects duplicate criterion ids at the second one', () => {
    const bad = { ...minimal, criteria: [{ id: 'a', kind: 'demand' }, { id: 'a', kind: 'access' }] };
    expect(() => parseScenario(bad)).toThrow(/criteria\[1\]\.id: duplicate criterion id "a" \(also criteria\[0\]\)/);
  });

  it('rejects an unknown candidate type and an unknown key', () => {
    expect(() => parseScenario({ ...minimal, candidateType: 'kiosk' })).toThrow(/candidateType: "kiosk" is not one of outletTypes/);
    expect(() => parseScenario({ ...minimal, wieghts: {} })).toThrow(/wieghts/);
  });

  it('refuses a version it does not know', () => {
    expect(() => parseScenario({ ...minimal, version: 2 })).toThrow(/version/);
  });

  it('migrates version 0 (no version field: weights by kind, one radius, topK per level)', () => {
    const v0 = { name: 'old', weights: { demand: 2, competition: 1, network_norm: 0.5 }, radius: 800, topK: { regions: 2, districts: 5 } };
    const s = parseScenario(v0);
    expect(s.version).toBe(1);
    expect(s.name).toBe('old');
    expect(s.criteria.map((c) => [c.id, c.kind, c.weight])).toEqual([['demand', 'demand', 2], ['competition', 'competition', 1], ['network_norm', 'network_norm', 0.5]]);
    // the one radius applies to the kinds that take a radius; network_norm has none
    expect(s.criteria[0]).toMatchObject({ radius: 800 });
    expect(s.criteria[1]).toMatchObject({ radius: 800 });
    expect('radius' in s.criteria[2]).toBe(false);
    expect(s.funnel.regions).toEqual({ topK: 2 });
    expect(s.funnel.districts).toEqual({ topK: 5 });
    expect(s.funnel.sites).toEqual({ topK: 20 });
  });

  it('names an unknown kind in a version-0 file', () => {
    expect(() => parseScenario({ weights: { footfall: 1 } }, 'v0.json')).toThrow(/v0\.json: weights\.footfall: unknown criterion/);
  });

  it('the committed sample scenario loads', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../data/sample/scenario.json', import.meta.url), 'utf8');
    const s = parseScenario(JSON.parse(text), 'data/sample/scenario.json');
    expect(s.criteria.map((c) => c.id)).toContain('net_gain');
    expect(s.funnel.regions.topK).toBe(3);
  });

  it('a parsed scenario round-trips through JSON unchanged', () => {
    const s = parseScenario(minimal);
    expect(Scenario.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
});

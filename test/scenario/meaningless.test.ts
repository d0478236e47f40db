/**
 * Issue 19 item 9: meaningless scenarios were accepted. All weights 0, or all 1e308 (the sum
 * overflows), exited 0 with every score 0 and ranking by id; Huff α or β of 1e6 gave NaN for every
 * site (and a power-decay β of 1e6 weighed every distance as 0); candidateType "constructor" passed
 * as an outlet type. Each is refused with its path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/scenario.ts';

const sample = JSON.parse(readFileSync(new URL('../../data/sample/scenario.json', import.meta.url), 'utf8')) as { criteria: Record<string, unknown>[] } & Record<string, unknown>;
const withChange = (change: (s: typeof sample) => void): unknown => {
  const copy = structuredClone(sample);
  change(copy);
  return copy;
};
const refusal = (json: unknown): string => {
  try {
    parseScenario(json, 's.json');
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('meaningless scenarios are refused with the bad path', () => {
  it('the sample scenario itself is fine', () => {
    expect(refusal(sample)).toBe('accepted');
  });

  it('all weights 0', () => {
    const msg = refusal(withChange((s) => s.criteria.forEach((c) => { c.weight = 0; delete c.levels; })));
    // the sample keeps the top regions, so the region level is the first to say so
    expect(msg).toMatch(/^s\.json: criteria\[0\]\.weight: every criterion weighs 0 at the region level, so every score would be 0 and the ranking arbitrary; give at least one criterion a weight above 0/);
    const noCuts = withChange((s) => {
      s.criteria.forEach((c) => { c.weight = 0; delete c.levels; });
      s.funnel = { ...(s.funnel as object), regions: {}, districts: {}, context: { district: 0, region: 0 } };
    });
    expect(refusal(noCuts)).toMatch(/criteria\[0\]\.weight: every criterion weighs 0 at the site level/);
  });

  it('all weights 0 at the sites but a context term weighs: accepted', () => {
    const json = withChange((s) => {
      s.criteria.forEach((c) => { c.weight = 0; delete c.levels; });
      s.funnel = { ...(s.funnel as object), regions: {}, districts: {}, context: { district: 1, region: 0 } };
    });
    expect(refusal(json)).toBe('accepted');
  });

  it('all weights 1e308: the sum overflows', () => {
    const msg = refusal(withChange((s) => s.criteria.forEach((c) => { c.weight = 1e308; delete c.levels; })));
    expect(msg).toMatch(/^s\.json: criteria\[0\]\.weight: the region weights add up to more than the largest number; scale them down/);
  });

  it.each([['alpha'], ['beta']])('Huff %s of 1e6', (key) => {
    const msg = refusal(withChange((s) => { s.huff = { ...(s.huff as object), [key]: 1e6 }; }));
    expect(msg).toMatch(new RegExp(`^s\\.json: huff\\.${key}: .*20`));
  });

  it('power-decay beta of 1e6 (every distance would weigh 0); 20 is accepted', () => {
    const at = (beta: number) => refusal(withChange((s) => { s.criteria[0].decay = { kind: 'power', beta }; }));
    expect(at(1e6)).toMatch(/^s\.json: criteria\[0\]\.decay\.beta: a power-decay beta above 20 weighs every distance as 0/);
    expect(at(20.5)).toMatch(/criteria\[0\]\.decay\.beta/);
    expect(at(20)).toBe('accepted');
  });

  it('candidateType "constructor" is not an outlet type', () => {
    expect(refusal(withChange((s) => { s.candidateType = 'constructor'; }))).toMatch(/^s\.json: candidateType: "constructor" is not one of outletTypes/);
  });
});

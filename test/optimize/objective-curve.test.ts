/**
 * How many outlets: the knee by hand, and `siteselect optimize --p 1..4` on SF p-median — every
 * point the brute-force optimum for its p, the marginal gains their differences, schema-valid JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kneeIndex, OptimizeCurveSummary } from '../../src/optimize/index.ts';
import { REPO, runOptimize, SF_COLS } from './cli-run.ts';
import { bruteForce, objectives, readSfDense, SF_COSTS } from './sf-reference.ts';

const COLS = SF_COLS;
const run = runOptimize;

describe('knee of an objective curve', () => {
  it('is the point farthest from the chord once both axes are scaled to 0–1', () => {
    // p 1..5, mean distance 100, 50, 30, 25, 22: scaled, p = 2 sits 0.391 off the chord, p = 3 0.397, p = 4 0.212.
    expect(kneeIndex([1, 2, 3, 4, 5], [100, 50, 30, 25, 22])).toBe(2);
    // A straight line has no knee; two points are not a curve.
    expect(kneeIndex([1, 2, 3], [3, 2, 1])).toBeNull();
    expect(kneeIndex([1, 2], [5, 1])).toBeNull();
  });
});

describe('siteselect optimize --p 1..4 on SF p-median', () => {
  it('gives each p its optimum, the marginal gains and the knee', async () => {
    const { code, out, err } = await run(['--model', 'pmedian', '--p', '1..4', '--costs', SF_COSTS, ...COLS, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const s = OptimizeCurveSummary.parse(JSON.parse(out));
    expect(s.curve.map((c) => c.p)).toEqual([1, 2, 3, 4]);
    const ref = readSfDense();
    const best = [1, 2, 3, 4].map((p) => bruteForce(16, p, (set) => objectives.pmedian(ref, set), false).best);
    s.curve.forEach((c, t) => {
      expect(c.objective).toBeCloseTo(best[t], 3);
      expect(c.exact).toBe(true);
      expect(c.marginal_gain).toEqual(t === 0 ? null : expect.closeTo(best[t - 1] - best[t], 3));
    });
    expect(s.knee_p).toBe([1, 2, 3, 4][kneeIndex([1, 2, 3, 4], best)!]);
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'optimize-curve.schema.json'), 'utf8')) as { title: string };
    expect(schema.title).toMatch(/--p FROM\.\.TO/);
  });

  it('prints a table with the knee marked, and refuses a range that goes down', async () => {
    const text = await run(['--model', 'pmedian', '--p', '1..3', '--costs', SF_COSTS, ...COLS]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^ {3}p +objective +marginal gain +gap$/m);
    expect(text.out).toMatch(/<- knee/);
    const down = await run(['--model', 'pmedian', '--p', '4..2', '--costs', SF_COSTS, ...COLS]);
    expect(down.code).toBe(2);
    expect(down.err).toMatch(/--p 4\.\.2: the range must go up/);
  });
});

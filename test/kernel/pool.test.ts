/**
 * The Node worker pool runs the same scans on slices of the queries: its results must be
 * identical (bit for bit: each query is summed by one worker, in the same order) to createKernel().
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernel } from '../../src/kernel/index.ts';
import { createNodeKernel } from '../../src/node/kernel-pool.ts';
import { instance } from './instances.ts';

const params = { cutoff: 5000, beta: 2, floor: 50 };

describe('createNodeKernel = createKernel', () => {
  const single = createKernel();
  const pool = createNodeKernel({ threads: 3 });
  afterAll(() => pool.close());
  // Workers up first, so they take chunks rather than the caller doing everything.
  beforeAll(() => pool.ready());
  const { queries, sources } = instance(5, 400, 5000, [1000, 3000, 5000]);
  const sites = { ...queries, weight: queries.weight.map((w) => w / 3) };

  it('sumWithin (uniform, exponential), nearest', async () => {
    for (const [radius, decay] of [[1000, { kind: 'uniform' }], [3000, { kind: 'exponential', lambda: 1000 }]] as const) {
      expect(Array.from(await pool.sumWithin(queries, sources, radius, decay))).toEqual(Array.from(await single.sumWithin(queries, sources, radius, decay)));
    }
    expect(Array.from(await pool.nearest(queries, sources))).toEqual(Array.from(await single.nearest(queries, sources)));
  });

  it('huffPressure and huffCandidates, with and without own pressure', async () => {
    const s1 = await single.huffPressure(sources, queries, params);
    const s2 = await pool.huffPressure(sources, queries, params);
    expect(Array.from(s2)).toEqual(Array.from(s1));
    for (const own of [new Float64Array(s1.length), s1.map((s) => s / 4)]) {
      const a = await single.huffCandidates(sites, sources, s1, own, params);
      const b = await pool.huffCandidates(sites, sources, s1, own, params);
      expect(Array.from(b.capture)).toEqual(Array.from(a.capture));
      expect(Array.from(b.cannibalisation)).toEqual(Array.from(a.cannibalisation));
    }
  });

  it('an aborted call rejects', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(pool.nearest(queries, sources, controller.signal)).rejects.toThrow('stop');
  });
});

/**
 * Runs every SiteKernel method on a small seeded instance with the browser worker pool and with the
 * single-thread kernel; the test reads `kernelResult` (mismatches, counts, timings).
 */
import { createBrowserKernel } from '../../../src/kernel/browser-pool.ts';
import { buildGrid } from '../../../src/kernel/grid.ts';
import { createKernel } from '../../../src/kernel/index.ts';
import type { SiteKernel } from '../../../src/kernel/types.ts';
import { bindSimd } from '../../../src/kernel/wasm/simd-scans.ts';
import { instance } from '../../kernel/instances.ts';

const params = { cutoff: 5000, beta: 2, floor: 50 };

async function all(kernel: SiteKernel): Promise<Record<string, number[]>> {
  const { queries, sources } = instance(9, 300, 4000, [1000, 3000, 5000]);
  const pressure = await kernel.huffPressure(sources, queries, params);
  const huff = await kernel.huffCandidates(queries, sources, pressure, pressure.map((s) => s / 3), params);
  return {
    uniform: Array.from(await kernel.sumWithin(queries, sources, 1000, { kind: 'uniform' })),
    exponential: Array.from(await kernel.sumWithin(queries, sources, 3000, { kind: 'exponential', lambda: 1000 })),
    nearest: Array.from(await kernel.nearest(queries, sources)),
    pressure: Array.from(pressure),
    capture: Array.from(huff.capture),
    cannibalisation: Array.from(huff.cannibalisation),
  };
}

async function main() {
  const pool = createBrowserKernel({ threads: 2 });
  await pool.ready();
  const fromPool = await all(pool);
  const single = await all(createKernel());
  await pool.close();
  const mismatches = Object.keys(single).flatMap((name) =>
    single[name].flatMap((v, i) => (Object.is(v, fromPool[name][i]) ? [] : [`${name}[${i}]: ${fromPool[name][i]} ≠ ${v}`])));
  // The single-thread kernel ran on this page's main thread: did it get the WebAssembly SIMD scans?
  const probe = instance(1, 1, 10, [100]).sources;
  const simd = bindSimd(buildGrid(probe), [probe.weight], 8) !== null;
  return { isolated: globalThis.crossOriginIsolated, simd, counts: Object.fromEntries(Object.entries(single).map(([k, v]) => [k, v.length])),
    uniformTotal: single.uniform.reduce((a, b) => a + b, 0), mismatches };
}

main().then(
  (result) => Object.assign(globalThis, { kernelResult: result }),
  (error: unknown) => Object.assign(globalThis, { kernelResult: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } }),
);

/**
 * The benchmark's worker: fetches and parses the three CSVs, runs the criteria of
 * bench/kernel-criteria.ts on the single-thread kernel (this worker's thread, what the workbench's
 * engine worker did) or on the browser pool (workers nested in this one, what it does now), and
 * formats the results CSV. Each step is timed here, on this thread's clock.
 */
import { createBrowserKernel } from '../../src/kernel/browser-pool.ts';
import { createKernel } from '../../src/kernel/index.ts';
import type { SiteKernel } from '../../src/kernel/types.ts';
import { KERNEL_WASM_BASE64 } from '../../src/kernel/wasm/kernel-wasm.ts';
import { KERNEL_INPUTS, kernelResults, type KernelInputs } from '../kernel-criteria.ts';
import { parseNumericCsv, resultsCsvText, type KernelResults } from '../kernel-csv.ts';
import type { BenchReply, BenchStep } from './steps.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<BenchStep>) => void) | null;
  postMessage(message: BenchReply): void;
}
const scope = globalThis as unknown as WorkerScope;

let input: KernelInputs | null = null;
let results: KernelResults | null = null;
let pool: ReturnType<typeof createBrowserKernel> | null = null;

async function fetchColumns(dataUrl: string, file: keyof KernelInputs): Promise<Record<string, Float64Array>> {
  const url = new URL(`${file}.csv`, dataUrl);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.href}: HTTP ${res.status}`);
  return parseNumericCsv(new Uint8Array(await res.arrayBuffer()), url.pathname, [...KERNEL_INPUTS[file]]);
}

/** Whether this engine runs the kernel's WebAssembly SIMD module (else the JS scans run). */
function simdAvailable(): boolean {
  const bytes = Uint8Array.from(atob(KERNEL_WASM_BASE64), (c) => c.charCodeAt(0));
  return typeof WebAssembly !== 'undefined' && WebAssembly.validate(bytes);
}

async function run(step: BenchStep): Promise<Omit<BenchReply, 'seconds'>> {
  switch (step.step) {
    case 'load': {
      const [demand, competitors, candidates] = await Promise.all([
        fetchColumns(step.dataUrl, 'demand'), fetchColumns(step.dataUrl, 'competitors'), fetchColumns(step.dataUrl, 'candidates'),
      ]);
      input = { demand, competitors, candidates };
      return {};
    }
    case 'compute': {
      if (!input) throw new Error('compute before load');
      // Created inside the timed step, as bench/kernel.ts does (pool start-up is part of compute).
      pool = step.kernel === 'pool' ? createBrowserKernel({ threads: step.threads }) : null;
      const kernel: SiteKernel = pool ?? createKernel();
      results = await kernelResults(kernel, input);
      const threads = pool ? step.threads : 1;
      return { info: `kernel=${step.kernel} threads=${threads} crossOriginIsolated=${String(globalThis.crossOriginIsolated)} simd=${String(simdAvailable())}` };
    }
    case 'write': {
      if (!results) throw new Error('write before compute');
      return { csv: resultsCsvText(results) };
    }
    case 'close': {
      await pool?.close();
      pool = null;
      return {};
    }
  }
}

scope.onmessage = (event) => {
  const t0 = performance.now();
  run(event.data).then(
    (reply) => scope.postMessage({ ...reply, seconds: (performance.now() - t0) / 1000 }),
    (error: unknown) => scope.postMessage({ seconds: 0, error: error instanceof Error ? error.message : String(error) }),
  );
};

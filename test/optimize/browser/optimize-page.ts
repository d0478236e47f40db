/** Runs the optimiser in Chromium (HiGHS wasm served from this origin); the test reads `optimizeRuns`. */
import { optimize, problemFromCostMatrix, type ModelName } from '../../../src/optimize/index.ts';
import { randomInstance } from '../random-instances.ts';

export const BROWSER_CASES: { model: ModelName; seed: number; p?: number; radius?: number }[] = [
  { model: 'mclp', seed: 11, p: 3, radius: 1500 },
  { model: 'lscp', seed: 12, radius: 5000 },
  { model: 'pmedian', seed: 13, p: 3 },
  { model: 'pcenter', seed: 14, p: 3 },
];

export async function runCases() {
  const out = [];
  for (const c of BROWSER_CASES) {
    const problem = problemFromCostMatrix({ model: c.model, ...randomInstance(c.seed, 60, 12), p: c.p, radius: c.radius });
    const r = await optimize(problem);
    out.push({ model: c.model, exact: r.exact, objective: r.objective, selected: r.selected });
  }
  return out;
}

if (typeof document !== 'undefined') {
  runCases().then(
    (runs) => Object.assign(globalThis, { optimizeRuns: { runs } }),
    (error: unknown) => Object.assign(globalThis, { optimizeRuns: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } }),
  );
}

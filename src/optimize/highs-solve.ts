/**
 * Runs one MILP in HiGHS (WebAssembly, Node and browser). Models are passed as CSR typed arrays
 * through the persistent API, so no LP text is built or parsed and the solver sees only arrays.
 * The wasm is loaded once per process from the `highs` package (no network).
 */
import type { Highs, ModelData } from 'highs';
import { UsageError } from '../errors.ts';

let defaultSolver: Promise<Highs> | undefined;

/** The package's own loader: in Node it reads highs.wasm beside build/highs.mjs. */
export function loadDefaultSolver(): Promise<Highs> {
  defaultSolver ??= import('highs').then((mod) => mod.default());
  return defaultSolver;
}

export interface MilpSolution {
  /** HiGHS model status text, e.g. 'Optimal', 'Time limit reached'. */
  status: string;
  optimal: boolean;
  /** Objective of the incumbent (NaN when there is none). */
  objective: number;
  /** Proven bound (MIP dual bound; for an LP, the objective). */
  bound: number;
  x: Float64Array;
}

const STATUS_TEXT: Record<number, string> = {
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Infeasible or unbounded',
  10: 'Unbounded',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  17: 'Interrupted',
};

export interface MilpOptions {
  timeLimit?: number;
  loadSolver?: () => Promise<Highs>;
  signal?: AbortSignal;
}

export async function solveMilp(build: (h: Highs) => ModelData, opts: MilpOptions = {}): Promise<MilpSolution> {
  const highs = await (opts.loadSolver ?? loadDefaultSolver)();
  opts.signal?.throwIfAborted();
  const data = build(highs);
  const isMip = data.integrality !== undefined;
  const model = highs.createModel(data);
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
    if (opts.timeLimit !== undefined) {
      if (!(opts.timeLimit > 0)) throw new UsageError(`invalid time limit: ${opts.timeLimit} (give seconds > 0)`);
      model.options.set('time_limit', opts.timeLimit);
    }
    model.run();
    const code = model.getModelStatus();
    const status = STATUS_TEXT[code] ?? `HiGHS model status ${code}`;
    const x = model.getSolution().colValue;
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    const objective = hasSolution ? model.getObjectiveValue() : NaN;
    const bound = isMip ? Number(model.info.get('mip_dual_bound')) : objective;
    return { status, optimal: code === 7, objective, bound, x };
  } finally {
    model.dispose();
  }
}

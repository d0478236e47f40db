/**
 * What the page and a one-run optimisation worker say to each other. The worker lives for one run
 * only, so cancelling is terminating it (HiGHS runs synchronously and cannot be interrupted).
 */
import type { LoadedBundle, ModelName, OptimizeCurveSummary, OptimizeResult } from '../engine-api.ts';

export type OptimizeMethodChoice = 'auto' | 'exact' | 'heuristic';

export interface OptimizeRunRequest {
  /** The bundle the engine worker holds (the planner's imports included), copied to this worker. */
  bundle: LoadedBundle;
  /** The scenario as JSON (radius defaults, Huff settings, lattice spacing). */
  scenario: unknown;
  model: ModelName;
  p: number;
  radius: number;
  /** Keep the own network open (appended as fixed facilities). */
  includeNetwork: boolean;
  method: OptimizeMethodChoice;
  /** Also solve p = 1 … p−1 and return the objective curve (how many outlets). */
  curve?: boolean;
}

export type FromOptimizeWorker =
  | { kind: 'progress'; stage: string; fraction: number }
  | { kind: 'result'; result: OptimizeResult; curve?: OptimizeCurveSummary }
  | { kind: 'error'; message: string };

/**
 * Pieces every location MILP shares: one binary y_j per facility (columns 0..m−1, fixed sites
 * bounded to 1), the "open exactly p + |fixed|" row, and reading the open set back.
 */
import type { LpBuilder } from './lp-builder.ts';
import type { OptimizeProblem } from './problem.ts';

export function addFacilityColumns(lp: LpBuilder, problem: OptimizeProblem): void {
  for (let j = 0; j < problem.costs.m; j++) lp.setInteger(j);
  for (const j of problem.fixed ?? []) lp.colLower[j] = 1;
}

export function addOpenCountRow(lp: LpBuilder, problem: OptimizeProblem, total: number): void {
  const m = problem.costs.m;
  const cols = new Int32Array(m);
  for (let j = 0; j < m; j++) cols[j] = j;
  lp.addRow(cols, new Float64Array(m).fill(1), total, total);
}

/** Facilities with y_j rounded to 1. */
export function openFacilities(x: Float64Array, m: number): number[] {
  const open: number[] = [];
  for (let j = 0; j < m; j++) if (x[j] > 0.5) open.push(j);
  return open;
}

export interface MilpModel {
  maximise: boolean;
  build(lp: LpBuilder): void;
  numCols: number;
}

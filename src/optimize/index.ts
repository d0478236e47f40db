/** Network optimisation (DESIGN §5): models over a cost matrix, and the doors that build one. */
export * from './problem.ts';
export { optimize } from './optimize.ts';
export { EXACT_LIMITS } from './limits.ts';
export { evaluateSelection, nearestOpenCost, type SelectionMetrics } from './evaluate.ts';
export { huffShare } from './huff-share.ts';
export { problemFromCostMatrix, facilityCostsFromMatrix, type CostMatrixInput } from './from-cost-matrix.ts';
export { problemFromCostTable, problemFromCostCsv, facilityCostsFromTable, type CostTableInput, type CostTableColumns } from './from-cost-table.ts';
export { costTableFromCsv, costsFromCsv } from './cost-table-csv.ts';
export { loadDefaultSolver } from './highs-solve.ts';
export { problemFromBundle, type BundleProblemOptions } from './from-bundle.ts';
export { pairsWithinRadius, type SparsePairs } from './pairs-within-radius.ts';
export { demandLattice } from './lattice.ts';
export { OptimizeSummary, OptimizeCurveSummary, summarise, summariseCurve } from './summary.ts';
export { objectiveCurve, kneeIndex, type ObjectiveCurve, type CurvePoint } from './objective-curve.ts';

/** The criteria of DESIGN §3: site forms (through a SiteKernel) and areal forms, one module each. */
export * from './demand.ts';
export * from './competition.ts';
export * from './concentration.ts';
export * from './huff.ts';
export * from './huff-matrix.ts';
export * from './cannibalisation.ts';
export * from './agglomeration.ts';
export * from './access.ts';
export * from './coverage-gap.ts';
export * from './network-norm.ts';
export * from './attribute.ts';
export * from './areas.ts';
export * from './points.ts';
export { BundleInputs } from './inputs.ts';
export { SiteEvaluator, type Evaluated, type SiteSet } from './evaluate-site.ts';
export { ArealEvaluator } from './evaluate-areal.ts';

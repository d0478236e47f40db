/**
 * The one door from the page into the engine. Everything comes from the public API (src/index.ts);
 * the few names not yet re-exported there are taken from their modules until they are.
 */
export * from '../index.ts';
export { parseScenario, type Scenario } from '../scenario/scenario.ts';
export { rerank } from '../score/rerank.ts';
export type { FunnelResult, LevelResult, CriterionColumn } from '../score/types.ts';
export { runFunnel } from '../score/funnel.ts';
export { createBrowserKernel } from '../kernel/browser-pool.ts';
export { simdAvailable } from '../kernel/wasm/simd-scans.ts';

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
export { levelReasons, funnelShortlist, siteParents, siteRanks, type ShortlistEntry } from '../score/funnel-shortlist.ts';
export { formatNotKept } from '../score/format-not-kept.ts';
export { REJECT_CODES, REJECT_REASONS, type RejectCode, type RejectReason } from '../reject-reason.ts';
export type { NotKept } from '../score/not-kept.ts';
export { rankWithinGroups } from '../score/rank-order.ts';
export { criterionUnit, formatMeasure, type MeasureUnit } from '../report/criterion-unit.ts';
export { LABEL_LINE, placeLabelBoxes, type LabelCandidate } from '../report/label-layout.ts';
export { basemapKinds, basemapMarks, BASEMAP_STYLES } from '../report/basemap-marks.ts';
export { proposeFiles } from '../data/profile-file.ts';
export type { BundleProposal, ProposedLayer } from '../data/propose-bundle.ts';
export { comparePlans, criterionDeltas, type PlanDiff, type CriterionDelta } from '../score/compare-plans.ts';

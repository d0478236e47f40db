/**
 * The public API of siteselect: what the workbench, the notebooks and the CLI use. Platform-neutral
 * (no DOM, no Node built-ins); Node-only helpers are in `./node.ts`.
 */
export * from './data/layer.ts';
export * from './data/errors.ts';
export * from './data/bundle-manifest.ts';
export * from './geo/haversine.ts';
export type * from './kernel/types.ts';
export * from './geo/containment.ts';
export * from './data/link-bundle.ts';
export { createKernel } from './kernel/index.ts';
export { memoryFileSource, fetchFileSource, type FileSource } from './io/file-source.ts';
export { loadBundle, type LoadBundleOptions } from './data/load-bundle.ts';
export { loadLayerFile, type LoadLayerFileOptions, type LoadedLayerFile } from './io/load-layer-file.ts';
export { toLayer, type ToLayerOptions, type ToLayerResult } from './data/to-layer.ts';
export { readTable } from './io/read-table.ts';
export type { RawTable, RawValue } from './io/raw-table.ts';
export { toWgs84, convertColumnsToWgs84 } from './geo/crs.ts';
export { buildGeocoder, normaliseAddress, type Geocoder, type GeocodeResult } from './geocode/index.ts';
export * from './optimize/index.ts';
export { weightSensitivity, type WeightSensitivity, type WeightSensitivityOptions } from './sensitivity/weights.ts';
export * from './scenario/scenario.ts';
export { CriterionSpec, CRITERION_KINDS, NORMALISATIONS, DecaySpec, Direction, levelWeight, defaultDirection, directionOf, type CriterionKind, type CriterionSpecInput, type Normalisation, type Level } from './scenario/criterion-spec.ts';
export type * from './score/types.ts';
export { runFunnel, type ScoreOptions } from './score/funnel.ts';
export { scoreSites } from './score/score-sites.ts';
export { rerank } from './score/rerank.ts';
export { normalise, normalCdf } from './score/normalise.ts';
export { applyDirection } from './score/direction.ts';
export { combineScores, contributionOf, rescaleWeights, type Combine } from './score/combine.ts';
export { rankScores, RankSorter } from './score/rank.ts';
export { latticeInside } from './score/lattice.ts';
export { siteDemand, arealDemand, type RadiusParams } from './criteria/demand.ts';
export { siteCompetition, arealCompetition } from './criteria/competition.ts';
export { siteHuff, siteHuffWithPressure, huffPressures, arealHuffShare, withAlpha, type HuffModel, type SiteHuffResult } from './criteria/huff.ts';
export { huffProbabilities, huffCaptures } from './criteria/huff-matrix.ts';
export { tradeAreaCounts, arealOverlap, type OutletGroup } from './criteria/cannibalisation.ts';
export { siteAgglomeration, arealAgglomeration, weightedPois } from './criteria/agglomeration.ts';
export { siteAccess, arealAccess, stopWeights, metroStations } from './criteria/access.ts';
export { siteCoverageGap, arealCoverageGap, uncoveredMask } from './criteria/coverage-gap.ts';
export { siteNetworkNorm, residentsPerOutlet } from './criteria/network-norm.ts';
export { attributeColumn } from './criteria/attribute.ts';
export { areaKm2, areaPopulation } from './criteria/areas.ts';
export { funnelTable, breakdown, type FunnelRow, type BreakdownRow } from './score/funnel-table.ts';
export { siteConcentration, arealConcentration, byBrand } from './criteria/concentration.ts';

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

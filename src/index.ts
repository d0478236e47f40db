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

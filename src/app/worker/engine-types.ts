/** Types the page shares with the engine, all from the public API. */
export type { Basemap, BasemapFeature, FunnelResult, LevelResult, LayerEntry, LayerReport, LayerName, LoadedBundle, PointLayer, PolygonLayer } from '../engine-api.ts';
export type { MultiPolygon, Polygon } from 'geojson';

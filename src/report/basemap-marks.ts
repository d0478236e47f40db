/**
 * The basemap as Plot marks, one style per class — pale water and parks, thin grey roads, dashed
 * railways — light enough that the scores stay the figure and the basemap the ground. The page's
 * map, its exports and the report's maps all draw it from here, clipped to the map's frame.
 */
import * as Plot from '@observablehq/plot';
import type { Feature, FeatureCollection } from 'geojson';
import type { BasemapFeature, BasemapGeometry, BasemapKind } from '../data/basemap.ts';
import { rewindForD3 } from '../geo/rewind.ts';

export interface BasemapStyle {
  fill: string;
  stroke: string;
  strokeWidth: number;
  opacity: number;
  dash?: string;
}

export const BASEMAP_STYLES: Record<BasemapKind, BasemapStyle> = {
  water: { fill: '#9cc3e6', stroke: '#6f9fcc', strokeWidth: 0.6, opacity: 0.6 },
  park: { fill: '#a9d49a', stroke: '#86b877', strokeWidth: 0.5, opacity: 0.5 },
  road: { fill: 'none', stroke: '#7d7d7d', strokeWidth: 1, opacity: 0.55 },
  rail: { fill: 'none', stroke: '#4d4d4d', strokeWidth: 1, opacity: 0.6, dash: '4 2' },
  other: { fill: 'none', stroke: '#9a9a9a', strokeWidth: 0.6, opacity: 0.5 },
};

/** Drawing order: areas first, then lines over them. */
const ORDER: BasemapKind[] = ['water', 'park', 'other', 'road', 'rail'];

const isArea = (g: BasemapGeometry): g is Extract<BasemapGeometry, { type: 'Polygon' | 'MultiPolygon' }> => g.type === 'Polygon' || g.type === 'MultiPolygon';

/** The classes present, in drawing order (for a legend). */
export function basemapKinds(features: readonly BasemapFeature[]): BasemapKind[] {
  const present = new Set(features.map((f) => f.kind));
  return ORDER.filter((k) => present.has(k));
}

const CAPTION_WORDS: Record<BasemapKind, string> = { water: 'water', park: 'parks', road: 'main roads', rail: 'railways', other: 'other context' };

/** "Context: water (blue), parks (green), main roads (grey lines)." for a figure caption. */
export function basemapCaption(features: readonly BasemapFeature[]): string {
  const colour: Record<BasemapKind, string> = { water: 'blue', park: 'green', road: 'grey lines', rail: 'dashed lines', other: 'thin grey lines' };
  return `Context: ${basemapKinds(features).map((k) => `${CAPTION_WORDS[k]} (${colour[k]})`).join(', ')}.`;
}

export function basemapMarks(features: readonly BasemapFeature[]): Plot.Markish[] {
  return basemapKinds(features).flatMap((kind) => {
    const style = BASEMAP_STYLES[kind];
    const ofKind = features.filter((f) => f.kind === kind);
    const common = { stroke: style.stroke, strokeWidth: style.strokeWidth, strokeOpacity: style.opacity, clip: 'frame' as const, className: `basemap-${kind}`, ...(style.dash ? { strokeDasharray: style.dash } : {}) };
    const collection = (list: BasemapFeature[], area: boolean): FeatureCollection => ({
      type: 'FeatureCollection',
      features: list.map((f): Feature => ({ type: 'Feature', properties: {}, geometry: area && isArea(f.geometry) ? rewindForD3(f.geometry) : f.geometry })),
    });
    // Constant colours (never a channel): the report's maps have a colour scale for the scores.
    const areas = ofKind.filter((f) => isArea(f.geometry));
    const lines = ofKind.filter((f) => !isArea(f.geometry));
    return [
      ...(areas.length ? [Plot.geo(collection(areas, true), { ...common, fill: style.fill, fillOpacity: style.opacity })] : []),
      ...(lines.length ? [Plot.geo(collection(lines, false), { ...common, fill: 'none' })] : []),
    ];
  });
}

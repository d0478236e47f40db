/**
 * Where things go in the map's SVG: a title row on top, the legend strip at the bottom (outside
 * the drawing), and between them the drawing, into which the projection is fitted.
 */
import { geoMercator, type GeoProjection } from 'd3';
import type { FeatureCollection, GeoJsonObject } from 'geojson';

export const TITLE_HEIGHT = 28;
export const LEGEND_HEIGHT = 62;
/** Room above the legend for the attribution line. */
const ATTRIBUTION = 14;
const PAD = 10;

export interface Frame {
  width: number;
  height: number;
  /** The drawing: [[x0, y0], [x1, y1]] in SVG pixels. */
  drawing: [[number, number], [number, number]];
}

export function mapFrame(width: number, height: number): Frame {
  return { width, height, drawing: [[PAD, TITLE_HEIGHT + 4], [width - PAD, height - LEGEND_HEIGHT - ATTRIBUTION]] };
}

/** A Mercator projection fitted to the shown features inside the drawing. */
export function fitProjection(frame: Frame, extent: FeatureCollection | GeoJsonObject): GeoProjection {
  const [[x0, y0], [x1, y1]] = frame.drawing;
  return geoMercator().fitExtent([[x0 + 6, y0 + 6], [x1 - 6, y1 - 6]], extent as FeatureCollection);
}

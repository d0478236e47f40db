/** Point layers drawn over the map (competitors, own outlets …), each its own symbol and colour. */
import * as Plot from '@observablehq/plot';
import type { MessageKey } from '../i18n/en.ts';
import { t } from '../i18n/i18n.ts';
import type { MapData, PointLayerKey } from '../worker/messages.ts';

interface Style {
  symbol: Plot.SymbolType;
  stroke: string;
  fill: string;
  r: number;
  label: MessageKey;
}

export const OVERLAY_STYLES: Record<PointLayerKey, Style> = {
  candidates: { symbol: 'circle', stroke: '#555', fill: 'none', r: 1.6, label: 'layer.candidates' },
  pois: { symbol: 'diamond', stroke: 'none', fill: '#8a6d3b', r: 1.8, label: 'layer.pois' },
  transit: { symbol: 'square', stroke: 'none', fill: '#1f6fb2', r: 2.4, label: 'layer.transit' },
  competitors: { symbol: 'triangle', stroke: 'none', fill: '#c0392b', r: 3, label: 'layer.competitors' },
  network: { symbol: 'star', stroke: 'none', fill: '#16803c', r: 4, label: 'layer.network' },
};

export interface OverlayDatum {
  lon: number;
  lat: number;
  label: string;
}

type Bounds = [[number, number], [number, number]];

/** Points of one layer inside the view (with a margin), so off-screen points cost nothing. */
function inView(map: MapData, key: PointLayerKey, bounds: Bounds): OverlayDatum[] {
  const p = map.points[key];
  if (!p) return [];
  const [[w, s], [e, n]] = bounds;
  const mx = (e - w) * 0.02;
  const my = (n - s) * 0.02;
  const out: OverlayDatum[] = [];
  for (let i = 0; i < p.lon.length; i++) {
    const lon = p.lon[i];
    const lat = p.lat[i];
    if (lon >= w - mx && lon <= e + mx && lat >= s - my && lat <= n + my) out.push({ lon, lat, label: p.labels[i] });
  }
  return out;
}

export function overlayMarks(map: MapData, toggles: Record<PointLayerKey, boolean>, bounds: Bounds): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  for (const key of Object.keys(OVERLAY_STYLES) as PointLayerKey[]) {
    if (!toggles[key]) continue;
    const style = OVERLAY_STYLES[key];
    const data = inView(map, key, bounds);
    const layerName = t(style.label);
    marks.push(
      Plot.dot(data, {
        x: 'lon',
        y: 'lat',
        r: style.r,
        symbol: style.symbol,
        fill: style.fill,
        stroke: style.stroke,
        strokeWidth: 0.8,
        title: (d: OverlayDatum) => `${layerName}: ${d.label}`,
        className: `overlay-${key}`,
      }),
    );
  }
  return marks;
}

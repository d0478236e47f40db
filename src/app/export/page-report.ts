/**
 * The page's HTML report: the one report builder `siteselect report` uses (src/report), drawn with
 * the page's own document, over the funnel as last run. The page holds the polygons and the load
 * reports, not the whole bundle: that is all the builder reads of it.
 */
import { buildReport, type FunnelResult, type LoadedBundle, type PolygonLayer, type Scenario } from '../engine-api.ts';
import type { ReportTradeAreas } from '../../report/trade-area-section.ts';
import type { MapData, MapPolygons } from '../worker/messages.ts';

function polygonLayer(layer: 'regions' | 'districts', p: MapPolygons | undefined): PolygonLayer | undefined {
  return p ? { kind: 'polygon', layer, ids: p.ids, names: p.names, geometries: p.geometries, numeric: {}, text: {} } : undefined;
}

/** `tradeAreas`: the best kept site's, from the engine worker (page-trade-areas.ts). */
export function pageReport(map: MapData, funnel: FunnelResult, scenario: Scenario, tradeAreas?: ReportTradeAreas): string {
  const bundle: LoadedBundle = { name: map.name, synthetic: map.synthetic, reports: map.reports };
  const regions = polygonLayer('regions', map.regions);
  const districts = polygonLayer('districts', map.districts);
  if (regions) bundle.regions = regions;
  if (districts) bundle.districts = districts;
  if (map.basemap) bundle.basemap = { file: '', notes: [], ...map.basemap };
  return buildReport({ bundle, scenario, result: funnel, document, ...(map.attribution ? { attribution: map.attribution } : {}), ...(tradeAreas ? { tradeAreas } : {}) });
}

/**
 * `siteselect network area`'s work: a site's trade areas over the bundle's street network at
 * several thresholds, with the demand, competitors and own outlets reaching it, written as GeoJSON.
 * Node only; its messages name the command's flags.
 */
import path from 'node:path';
import type { LoadedBundle } from '../data/layer.ts';
import { UsageError } from '../errors.ts';
import { bundleTradeAreas } from '../network/bundle-trade-areas.ts';
import type { Metric } from '../network/road-graph.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { loadBundleDir } from './load-bundle-dir.ts';
import { refuseOverwritingInputs } from './output-guard.ts';

export interface TradeAreaRequest {
  /** The bundle folder and the output, as given. */
  bundle: string;
  out: string;
  /** The site: `LON,LAT`, or the id of a candidate or own outlet of the bundle (one of the two). */
  site?: string;
  siteId?: string;
  profile: string;
  metric: Metric;
  thresholds: number[];
}

function siteOf(bundle: LoadedBundle, lonLat: string | undefined, id: string | undefined): { lon: number; lat: number; name: string } {
  if (lonLat !== undefined) {
    const [lon, lat] = lonLat.split(',').map(Number);
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) throw new UsageError(`--site needs LON,LAT in degrees, got '${lonLat}'`);
    return { lon, lat, name: lonLat };
  }
  for (const layer of [bundle.candidates, bundle.network]) {
    const i = layer?.ids.indexOf(id!) ?? -1;
    if (layer && i >= 0) return { lon: layer.lon[i], lat: layer.lat[i], name: id! };
  }
  throw new UsageError(`--site-id '${id}' is neither a candidate nor an own outlet of the bundle`);
}

export async function writeTradeAreas(request: TradeAreaRequest, cwd: string, note: (text: string) => void) {
  const out = path.resolve(cwd, request.out);
  const dir = path.resolve(cwd, request.bundle);
  await refuseOverwritingInputs({ bundle: { dir, manifestPath: 'bundle.json' }, outputs: { '--out': out } });
  const bundle = await loadBundleDir(dir);
  const site = siteOf(bundle, request.site, request.siteId);
  const areas = await bundleTradeAreas(bundle, site, request.profile, request.metric, request.thresholds);
  if (areas.features.every((f) => f.geometry.coordinates.length === 0)) note(`note: the site ${site.name} lies farther than 500 m from every street of the ${request.profile} network; its areas are empty\n`);
  await writeFileAtomically(out, JSON.stringify(areas) + '\n');
  return { site: site.name, areas: areas.features.map((f) => f.properties) };
}

/**
 * `siteselect network area`: a site's trade areas over the bundle's street network at several
 * thresholds, with the demand, competitors and own outlets reaching it, as GeoJSON.
 */
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import type { LoadedBundle } from '../../data/layer.ts';
import { bundleTradeAreas } from '../../network/bundle-trade-areas.ts';
import { loadBundleDir } from '../../node/load-bundle-dir.ts';
import { writeFileAtomically } from '../../node/atomic-file.ts';
import { refuseClobbering } from '../../node/output-guard.ts';
import { EXIT_OK, type CliIO } from '../command.ts';
import { metricFlag } from './options.ts';
import { parseOptions } from '../parse-options.ts';

const OPTIONS = {
  bundle: { type: 'string' },
  site: { type: 'string' },
  'site-id': { type: 'string' },
  profile: { type: 'string' },
  metric: { type: 'string' },
  thresholds: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function siteOf(bundle: LoadedBundle, lonLat: string | undefined, id: string | undefined): { lon: number; lat: number; name: string } {
  if ((lonLat === undefined) === (id === undefined)) throw new UsageError('give the site as --site LON,LAT or --site-id ID (a candidate or own outlet of the bundle)');
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

export async function runArea(args: string[], io: CliIO): Promise<number> {
  const v = parseOptions(args, OPTIONS, 'network area');
  if (v.bundle === undefined) throw new UsageError('--bundle DIR is required (its bundle.json names the "roads")');
  if (v.profile === undefined) throw new UsageError('--profile is required: walk, bike or drive');
  if (v.out === undefined) throw new UsageError('--out FILE.geojson is required');
  const metric = metricFlag(v.metric);
  const thresholds = (v.thresholds ?? (metric === 'time' ? '5,10,15' : '500,1000,2000')).split(',').map((t) => Number(t.trim()));
  if (thresholds.some((t) => !(t > 0))) throw new UsageError(`--thresholds needs positive numbers separated by commas, got '${v.thresholds}'`);
  const out = path.resolve(io.cwd, v.out);
  const dir = path.resolve(io.cwd, v.bundle);
  await refuseClobbering([{ label: '--bundle', file: path.join(dir, 'bundle.json') }], [{ label: '--out', file: out }]);
  const bundle = await loadBundleDir(dir);
  const site = siteOf(bundle, v.site, v['site-id']);
  const areas = await bundleTradeAreas(bundle, site, v.profile, metric, thresholds);
  if (areas.features.every((f) => f.geometry.coordinates.length === 0)) io.stderr(`note: the site ${site.name} lies farther than 500 m from every street of the ${v.profile} network; its areas are empty\n`);
  await writeFileAtomically(out, JSON.stringify(areas) + '\n');
  const rows = areas.features.map((f) => f.properties);
  io.stdout(v.json ? JSON.stringify({ site: site.name, areas: rows }) + '\n' : rows.map((p) => `${p.threshold} ${p.unit === 'minutes' ? 'min' : 'm'}: demand ${Math.round(p.demand)}, competitors ${p.competitors}, own outlets ${p.own_outlets}`).join('\n') + `\nwritten to ${v.out}\n`);
  return EXIT_OK;
}

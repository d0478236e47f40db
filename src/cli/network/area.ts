/**
 * `siteselect network area`: a site's trade areas over the bundle's street network at several
 * thresholds as GeoJSON (src/node/trade-area-file.ts), and what reaches it within each.
 */
import { UsageError } from '../../errors.ts';
import { writeTradeAreas } from '../../node/trade-area-file.ts';
import { EXIT_OK, type CliIO } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { metricFlag } from './options.ts';

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

export async function runArea(args: string[], io: CliIO): Promise<number> {
  const v = parseOptions(args, OPTIONS, 'network area');
  if (v.bundle === undefined) throw new UsageError('--bundle DIR is required (its bundle.json names the "roads")');
  if (v.profile === undefined) throw new UsageError('--profile is required: walk, bike or drive');
  if (v.out === undefined) throw new UsageError('--out FILE.geojson is required');
  const metric = metricFlag(v.metric);
  const thresholds = (v.thresholds ?? (metric === 'time' ? '5,10,15' : '500,1000,2000')).split(',').map((t) => Number(t.trim()));
  if (thresholds.some((t) => !(t > 0))) throw new UsageError(`--thresholds needs positive numbers separated by commas, got '${v.thresholds}'`);
  if ((v.site === undefined) === (v['site-id'] === undefined)) throw new UsageError('give the site as --site LON,LAT or --site-id ID (a candidate or own outlet of the bundle)');
  const { site, areas: rows } = await writeTradeAreas({ bundle: v.bundle, out: v.out, site: v.site, siteId: v['site-id'], profile: v.profile, metric, thresholds }, io.cwd, io.stderr);
  io.stdout(v.json ? JSON.stringify({ site, areas: rows }) + '\n' : rows.map((p) => `${p.threshold} ${p.unit === 'minutes' ? 'min' : 'm'}: demand ${Math.round(p.demand)}, competitors ${p.competitors}, own outlets ${p.own_outlets}`).join('\n') + `\nwritten to ${v.out}\n`);
  return EXIT_OK;
}

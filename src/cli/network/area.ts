/**
 * `siteselect network area`: a site's trade areas over the bundle's street network at several
 * thresholds as GeoJSON (src/node/trade-area-file.ts), and what reaches it within each.
 */
import { UsageError } from '../../errors.ts';
import { writeTradeAreas } from '../../node/trade-area-file.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { printSummary, wrote } from '../output.ts';
import type { AREA } from './usage.ts';

export const command: Command<typeof AREA> = {
  async run({ bundle, values: v }, io) {
    const { profile, out, metric } = v;
    const thresholds = (v.thresholds ?? (metric === 'time' ? '5,10,15' : '500,1000,2000')).split(',').map((t) => Number(t.trim()));
    if (thresholds.some((t) => !(t > 0))) throw new UsageError(`--thresholds needs positive numbers separated by commas, got '${v.thresholds}'`);
    if ((v.site === undefined) === (v['site-id'] === undefined)) throw new UsageError('give the site as --site LON,LAT or --site-id ID (a candidate or own outlet of the bundle)');
    const { site, areas } = await writeTradeAreas({ bundle, out, site: v.site, siteId: v['site-id'], profile, metric, thresholds }, io.cwd, io.stderr);
    const unit = metric === 'time' ? 'min' : 'm';
    printSummary(io, v.json, { site, areas }, () => [
      ...areas.map((p) => `${p.threshold} ${unit}: demand ${Math.round(p.demand)}, competitors ${p.competitors}, own outlets ${p.own_outlets}`),
      wrote('the areas', out),
    ]);
    return EXIT_OK;
  },
};

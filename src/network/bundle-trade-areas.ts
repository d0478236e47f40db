/**
 * A site's trade areas over a bundle's street network, counting the bundle's demand (population),
 * competitors and own outlets inside each: the one door the CLI (`network area`), the page and
 * the report go through.
 */
import type { LoadedBundle } from '../data/layer.ts';
import { bundleRouter } from './bundle-graph.ts';
import type { Metric } from './road-graph.ts';
import { tradeAreas } from './trade-area.ts';

export type TradeAreaCollection = ReturnType<typeof tradeAreas>;

export async function bundleTradeAreas(bundle: LoadedBundle, site: { lon: number; lat: number }, profile: string, metric: Metric, thresholds: number[]): Promise<TradeAreaCollection> {
  const router = await bundleRouter(bundle, profile, metric);
  const weight = bundle.demand?.numeric.population;
  return tradeAreas(router, {
    site,
    thresholds,
    demand: bundle.demand && weight ? { lon: bundle.demand.lon, lat: bundle.demand.lat, weight: weight.map((w) => (Number.isFinite(w) ? w : 0)) } : undefined,
    competitors: bundle.competitors,
    own: bundle.network,
  });
}

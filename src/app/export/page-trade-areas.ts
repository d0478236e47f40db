/**
 * The page report's trade areas (issue 17): the main thread holds no roads, so the best kept
 * site's walking and driving areas come from the engine worker's tradeArea request (the one the
 * map's trade-area choice uses), chosen as `siteselect report` chooses them (leadTradeAreas).
 */
import { leadTradeAreas, type ReportTradeAreas } from '../../report/trade-area-section.ts';
import type { FunnelResult } from '../engine-api.ts';
import type { EngineClient } from '../worker/engine-client.ts';

/** Undefined when the bundle has no streets or nothing was kept: the report then has no such section. */
export function pageTradeAreas(engine: EngineClient, funnel: FunnelResult): Promise<ReportTradeAreas | undefined> {
  return leadTradeAreas(funnel, async (site, profile, minutes) => (await engine.call<'tradeArea'>({ type: 'tradeArea', lon: site.lon, lat: site.lat, profile, minutes })).areas);
}

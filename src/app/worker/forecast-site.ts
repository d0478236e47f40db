/**
 * The workbench's forecast for one selected site, worked out in the engine worker: the model is
 * calibrated once per bundle and Huff settings on the network's observed column (kept until either
 * changes), then the site is forecast with its interval and transfers, and its most similar own
 * branches (analogs) are found. No observed column: the reason, not an error.
 */
import { pickRows } from '../../data/concat-layers.ts';
import type { LoadedBundle } from '../../data/layer.ts';
import { analogs } from '../../forecast/analogs.ts';
import type { Calibration } from '../../forecast/calibration.ts';
import { calibrate, forecast } from '../../forecast/from-bundle.ts';
import type { SiteKernel } from '../../kernel/types.ts';
import type { Scenario } from '../../scenario/scenario.ts';

export interface SiteForecastView {
  siteId: string;
  fit: { n: number; alpha: number; beta?: number; r2: number; cvMape: number; baselineCvMape: number };
  forecast: number;
  low: number;
  high: number;
  cannibalised: number;
  net: number;
  /** The own outlets the site takes most from, largest first, with where they are (for the map's flows). */
  transfers: { id: string; name: string; lon: number; lat: number; amount: number }[];
  analogs: { id: string; name: string; similarity: number; observed: number }[];
  analogForecast: number;
}

export type SiteForecastReply = { view: SiteForecastView; reason?: undefined } | { view: null; reason: string };

let cached: { bundle: LoadedBundle; huff: string; calibration: Calibration } | null = null;

function calibrationFor(bundle: LoadedBundle, scenario: Scenario): Calibration {
  const huff = JSON.stringify(scenario.huff);
  if (cached?.bundle !== bundle || cached.huff !== huff) cached = { bundle, huff, calibration: calibrate(bundle, scenario) };
  return cached.calibration;
}

export async function forecastSite(bundle: LoadedBundle, scenario: Scenario, siteId: string, kernel: SiteKernel): Promise<SiteForecastReply> {
  const { network, candidates } = bundle;
  if (!network?.numeric.observed) return { view: null, reason: 'no-observed' };
  const row = candidates?.ids.indexOf(siteId) ?? -1;
  if (!candidates || row < 0) return { view: null, reason: 'no-site' };
  const calibration = calibrationFor(bundle, scenario);
  const site = pickRows(candidates, [row]);
  const result = forecast(bundle, scenario, calibration, site, { top: 5 });
  const similar = await analogs(bundle, site, { k: 5, kernel });
  const name = (j: number) => network.text.name?.[j] || network.ids[j];
  return {
    view: {
      siteId,
      fit: { n: calibration.n, alpha: calibration.alpha, beta: calibration.beta, r2: calibration.r2, cvMape: calibration.cv_mape, baselineCvMape: calibration.baseline_cv_mape },
      forecast: result.forecast[0],
      low: result.low[0],
      high: result.high[0],
      cannibalised: result.cannibalised[0],
      net: result.net[0],
      transfers: result.transfers[0].map((t) => ({ id: network.ids[t.outlet], name: name(t.outlet), lon: network.lon[t.outlet], lat: network.lat[t.outlet], amount: t.amount })),
      analogs: similar.analogs[0].map((a) => ({ id: a.id, name: name(a.outlet), similarity: a.similarity, observed: a.observed })),
      analogForecast: similar.forecast[0],
    },
  };
}

/**
 * The score output's forecast columns (`siteselect score --calibration`), as a hook the score
 * command calls with the scored sites: forecast, forecast_low, forecast_high, cannibalised,
 * net_forecast (in the calibration's observed unit) and top_transfers ("id:amount; …", the five
 * own outlets the site takes most from). Kept apart from the score code so the score engine can
 * change underneath it.
 */
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { Calibration } from './calibration.ts';
import { forecast, type BundleForecasts } from './from-bundle.ts';

export interface ForecastColumn {
  name: string;
  /** Numbers (NaN where a site cannot be forecast), or text. */
  values: Float64Array | string[];
}

export const FORECAST_COLUMN_NAMES = ['forecast', 'forecast_low', 'forecast_high', 'cannibalised', 'net_forecast', 'top_transfers'] as const;

/** "B12:1234.5; B7:800.1": each amount to four significant digits. */
export function transfersText(result: BundleForecasts, site: number): string {
  return result.transfers[site].map((t) => `${result.outletIds[t.outlet]}:${Number(t.amount.toPrecision(4))}`).join('; ');
}

export function forecastColumns(bundle: LoadedBundle, scenario: Scenario, calibration: Calibration, sites: PointLayer, signal?: AbortSignal): { columns: ForecastColumn[]; warnings: string[] } {
  return columnsOf(forecast(bundle, scenario, calibration, sites, { top: 5, signal }), sites);
}

/** The columns of forecasts made elsewhere (`top` 5), e.g. on two threads (src/node/forecast-pool.ts). */
export function columnsOf(result: BundleForecasts, sites: PointLayer): { columns: ForecastColumn[]; warnings: string[] } {
  return {
    columns: [
      { name: 'forecast', values: result.forecast },
      { name: 'forecast_low', values: result.low },
      { name: 'forecast_high', values: result.high },
      { name: 'cannibalised', values: result.cannibalised },
      { name: 'net_forecast', values: result.net },
      { name: 'top_transfers', values: sites.ids.map((_, c) => transfersText(result, c)) },
    ],
    warnings: result.warnings,
  };
}

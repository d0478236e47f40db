/**
 * What the report's forecast section shows (src/report/forecast-section.ts), worked out here so the
 * report builder stays a drawing of numbers: the calibration's headline figures and, for the sites
 * the funnel kept (in rank order, up to `top`), the forecast with its 95 % interval, cannibalised,
 * net and the own outlets each takes most from.
 */
import { pickRows } from '../data/concat-layers.ts';
import type { LoadedBundle } from '../data/layer.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { LevelResult } from '../score/types.ts';
import type { Calibration } from './calibration.ts';
import { forecast } from './from-bundle.ts';

export interface ReportForecastSite {
  id: string;
  name: string;
  rank: number;
  forecast: number;
  low: number;
  high: number;
  cannibalised: number;
  net: number;
  transfers: { outlet: string; amount: number }[];
}

export interface ReportForecast {
  calibration: Pick<Calibration, 'observed' | 'n' | 'likelihood' | 'decay' | 'alpha' | 'beta' | 'lambda' | 'fitAlpha' | 'coefficients' | 'se' | 'r2' | 'mape' | 'cv_mape' | 'baseline_cv_mape' | 'folds'>;
  sites: ReportForecastSite[];
  warnings: string[];
}

export function reportForecast(bundle: LoadedBundle, scenario: Scenario, calibration: Calibration, sites: LevelResult, top = 20): ReportForecast {
  const candidates = bundle.candidates;
  const row = new Map(candidates?.ids.map((id, i) => [id, i]) ?? []);
  const kept = Array.from(sites.ids.keys()).filter((s) => sites.kept[s] && row.has(sites.ids[s])).sort((a, b) => sites.rank[a] - sites.rank[b]).slice(0, top);
  const { observed, n, likelihood, decay, alpha, beta, lambda, fitAlpha, coefficients, se, r2, mape, cv_mape, baseline_cv_mape, folds } = calibration;
  const summary = { observed, n, likelihood, decay, alpha, beta, lambda, fitAlpha, coefficients, se, r2, mape, cv_mape, baseline_cv_mape, folds };
  if (!candidates || kept.length === 0) return { calibration: summary, sites: [], warnings: [] };
  const result = forecast(bundle, scenario, calibration, pickRows(candidates, kept.map((s) => row.get(sites.ids[s])!)), { top: 5 });
  return {
    calibration: summary,
    sites: kept.map((s, c) => ({
      id: sites.ids[s],
      name: sites.names[s],
      rank: sites.rank[s],
      forecast: result.forecast[c],
      low: result.low[c],
      high: result.high[c],
      cannibalised: result.cannibalised[c],
      net: result.net[c],
      transfers: result.transfers[c].map((t) => ({ outlet: result.outletIds[t.outlet], amount: t.amount })),
    })),
    warnings: result.warnings,
  };
}

/**
 * forecast_net (DESIGN §11): with the scenario's calibration, each site's forecast of the observed
 * measure (sales, deposits …) net of what it takes from own outlets, or the gross forecast. Site form
 * only: a district has no single forecast.
 */
import type { PointLayer } from '../data/layer.ts';
import { forecastWithInputs } from '../forecast/from-bundle.ts';
import type { Evaluated } from './evaluate-site.ts';
import type { BundleInputs } from './inputs.ts';

export function siteForecastNet(inputs: BundleInputs, sites: PointLayer, measure: 'net' | 'forecast'): Evaluated {
  const { calibration } = inputs.scenario;
  if (!calibration) return { missing: 'the scenario names no calibration (run siteselect calibrate --out and set "calibration", or pass score --calibration)' };
  if (!inputs.bundle.network || !inputs.bundle.demand) return { missing: 'the bundle has no network or demand layer for the calibration' };
  const result = forecastWithInputs(inputs, calibration, sites, { top: 0, signal: inputs.signal });
  return { raw: measure === 'net' ? result.net : result.forecast };
}

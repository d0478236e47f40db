/**
 * score --calibration: reading the calibration file, and the forecast hook's columns
 * (src/forecast/forecast-columns.ts) as extra per-site columns of the scored table. The only place
 * the score command touches forecasts.
 */
import type { LoadedBundle, PointLayer } from '../../data/layer.ts';
import { parseCalibration, type Calibration } from '../../forecast/calibration.ts';
import { forecastColumns } from '../../forecast/forecast-columns.ts';
import type { ExtraColumn } from '../../node/duckdb-sites.ts';
import { readJsonFile } from '../../node/read-json-file.ts';
import type { Scenario } from '../../scenario/scenario.ts';

export async function readCalibration(file: string): Promise<Calibration> {
  return parseCalibration(await readJsonFile(file), file);
}

export function forecastOutColumns(bundle: LoadedBundle, scenario: Scenario, calibration: Calibration, sites: PointLayer): { columns: ExtraColumn[]; warnings: string[] } {
  return forecastColumns(bundle, scenario, calibration, sites);
}

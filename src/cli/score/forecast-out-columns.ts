/**
 * score --calibration: the forecast hook's columns (src/forecast/forecast-columns.ts) as output
 * columns, and reading the calibration file. The only place the score command touches forecasts.
 */
import type { LoadedBundle, PointLayer } from '../../data/layer.ts';
import { parseCalibration, type Calibration } from '../../forecast/calibration.ts';
import { forecastColumns } from '../../forecast/forecast-columns.ts';
import { readJsonFile } from '../../node/read-json-file.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { formatValue } from './format-number.ts';
import type { OutColumn } from './site-table.ts';

export async function readCalibration(file: string): Promise<Calibration> {
  return parseCalibration(await readJsonFile(file), file);
}

export function forecastOutColumns(bundle: LoadedBundle, scenario: Scenario, calibration: Calibration, sites: PointLayer): { columns: OutColumn[]; warnings: string[] } {
  const { columns, warnings } = forecastColumns(bundle, scenario, calibration, sites);
  return {
    columns: columns.map(({ name, values }) => (values instanceof Float64Array
      ? { name, cell: (i: number) => formatValue(values[i]), numeric: true }
      : { name, cell: (i: number) => values[i] })),
    warnings,
  };
}

/**
 * score --calibration: reading the calibration file, and the forecast hook's columns
 * (src/forecast/forecast-columns.ts) as extra per-site columns of the scored table, a chunk of
 * sites at a time (a site's forecast does not depend on the other candidates). The only place the
 * score command touches forecasts.
 */
import type { LoadedBundle, PointLayer } from '../../data/layer.ts';
import { parseCalibration, type Calibration } from '../../forecast/calibration.ts';
import { forecastColumns } from '../../forecast/forecast-columns.ts';
import { shapeOf } from '../../forecast/forecast-sites.ts';
import { missingAttributeWarning } from '../../forecast/from-bundle.ts';
import type { ExtraColumn } from '../duckdb-sites.ts';
import { readJsonFile } from '../read-json-file.ts';
import type { Scenario } from '../../scenario/scenario.ts';

export async function readCalibration(file: string): Promise<Calibration> {
  return parseCalibration(await readJsonFile(file), file);
}

export interface ChunkForecasts {
  columns(sites: PointLayer): ExtraColumn[];
  /** The forecasts' warnings over every chunk so far (missing attributes counted over all sites). */
  warnings(): string[];
}

export function forecastsByChunk(bundle: LoadedBundle, scenario: Scenario, calibration: Calibration): ChunkForecasts {
  const attributes = shapeOf(calibration).attributes;
  const missing = attributes.map(() => 0);
  return {
    columns(sites) {
      attributes.forEach((name, q) => {
        const column = sites.numeric[name];
        for (let c = 0; c < sites.ids.length; c++) {
          const x = column?.[c] ?? NaN;
          if (!(x > 0 && Number.isFinite(x))) missing[q]++;
        }
      });
      return forecastColumns(bundle, scenario, calibration, sites).columns;
    },
    warnings: () => attributes.flatMap((name, q) => (missing[q] > 0 ? [missingAttributeWarning(missing[q], name, calibration.attributeMeans[name])] : [])),
  };
}

/**
 * score --calibration: reading the calibration file, and the forecast hook's columns
 * (src/forecast/forecast-columns.ts) as extra per-site columns of the scored table, a chunk of
 * sites at a time (a site's forecast does not depend on the other candidates), on two threads
 * (../forecast-pool.ts) when a chunk is large. The only place the score command touches forecasts.
 */
import type { LoadedBundle, PointLayer } from '../../data/layer.ts';
import { parseCalibration, type Calibration } from '../../forecast/calibration.ts';
import { columnsOf } from '../../forecast/forecast-columns.ts';
import { forecastSites, shapeOf } from '../../forecast/forecast-sites.ts';
import { forecastRequest, missingAttributeWarning } from '../../forecast/from-bundle.ts';
import type { ExtraColumn } from '../duckdb-sites.ts';
import { createForecastPool, MIN_SITES_FOR_WORKER } from '../forecast-pool.ts';
import { readJsonFile } from '../read-json-file.ts';
import type { Scenario } from '../../scenario/scenario.ts';

export async function readCalibration(file: string): Promise<Calibration> {
  return parseCalibration(await readJsonFile(file), file);
}

export interface ChunkForecasts {
  columns(sites: PointLayer): Promise<ExtraColumn[]>;
  /** The forecasts' warnings over every chunk so far (missing attributes counted over all sites). */
  warnings(): string[];
  /** Ends the forecast worker. */
  close(): Promise<void>;
}

/** `siteCount`: how many sites will be forecast (0: on this thread alone); from MIN_SITES_FOR_WORKER on, the worker starts now, while the first chunk's market is built. */
export function forecastsByChunk(bundle: LoadedBundle, scenario: Scenario, calibration: Calibration, siteCount: number): ChunkForecasts {
  const attributes = shapeOf(calibration).attributes;
  const missing = attributes.map(() => 0);
  const pool = siteCount >= MIN_SITES_FOR_WORKER ? createForecastPool() : undefined;
  return {
    async columns(sites) {
      attributes.forEach((name, q) => {
        const column = sites.numeric[name];
        for (let c = 0; c < sites.ids.length; c++) {
          const x = column?.[c] ?? NaN;
          if (!(x > 0 && Number.isFinite(x))) missing[q]++;
        }
      });
      const request = forecastRequest(bundle, scenario, calibration, sites);
      const result = pool ? await pool.forecast(request.calibration, request.prepared, request.state, request.sites, { top: 5 }) : forecastSites(request.calibration, request.prepared, request.state, request.sites, { top: 5 });
      return columnsOf({ ...result, outletIds: request.outletIds, warnings: request.warnings }, sites).columns;
    },
    close: async () => { await pool?.close(); },
    warnings: () => attributes.flatMap((name, q) => (missing[q] > 0 ? [missingAttributeWarning(missing[q], name, calibration.attributeMeans[name])] : [])),
  };
}

/**
 * `siteselect score` with the candidates in memory: the bundle's own candidates layer, a file
 * format that is not streamed (GeoJSON, Parquet, Arrow, …), --whole-file, or a CSV the streaming
 * path hands back (an encoding other than UTF-8, a whole-file error to report). Node only.
 */
import type { LayerReport, LoadedBundle, PointLayer } from '../../data/layer.ts';
import type { SiteKernel } from '../../kernel/types.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { scoreSites } from '../../score/score-sites.ts';
import type { Calibration } from '../../forecast/calibration.ts';
import { arrange, type ScoreOutcome } from './arrange.ts';
import { forecastOutColumns } from './forecast-out-columns.ts';
import type { ScoreArgs } from './score-args.ts';
import { siteTable } from './site-table.ts';
import { writeRejects } from './write-rejects.ts';
import { writeTable, type TableFormat } from './write-table.ts';

export interface WholeRun {
  args: ScoreArgs;
  bundle: LoadedBundle;
  scenario: Scenario;
  /** --calibration: forecast columns are added after the scored columns. */
  calibration?: Calibration;
  sites: PointLayer;
  sitesReport: LayerReport;
  kernel: () => { kernel: SiteKernel; close(): void };
  out: string;
  rejects: string;
  format: TableFormat;
  bar: (label: string, fraction: number) => void;
}

export async function wholeScore({ args, bundle, scenario, calibration, sites, sitesReport, kernel: makeKernel, out, rejects, format, bar }: WholeRun): Promise<ScoreOutcome> {
  const { kernel, close } = makeKernel();
  const result = await scoreSites(bundle, scenario, sites, { kernel, onProgress: (stage, f) => bar(stage, 0.3 + 0.6 * f) }).finally(close);
  bar('writing', 0.95);
  const { region, groupRank, byRank, rows, sensitivity } = arrange(result, sites.lon, sites.lat, bundle, scenario, args);
  const forecasts = calibration ? forecastOutColumns(bundle, scenario, calibration, sites) : { columns: [], warnings: [] };
  await writeTable(out, [...siteTable({ result, sites, bundle, region, groupName: args.per, groupRank, sensitivity }), ...forecasts.columns], rows, format);
  await writeRejects(rejects, sitesReport);
  const placedBy = sites.text.placed_by ?? [];
  const count = (m: string): number => placedBy.reduce((n, p) => n + (p === m ? 1 : 0), 0);
  return {
    file: sitesReport.file, read: sitesReport.read, rejected: sitesReport.rejected, scored: sites.ids.length,
    byCoordinates: placedBy.length ? count('coordinates') : sites.ids.length, exact: count('exact'), fuzzy: count('fuzzy'),
    written: rows.length,
    top: byRank.slice(0, 10).map((i) => ({ rank: result.rank[i], id: result.ids[i], name: result.names[i] ?? '', score: Number(result.score[i].toFixed(2)) })),
    warnings: [...(result.warnings ?? []), ...forecasts.warnings],
  };
}

/**
 * `siteselect report`'s work: the funnel on a bundle and a scenario, drawn as one self-contained
 * HTML file (maps as inline SVG, tables, the best site's breakdown) and written atomically. Plot
 * draws into a server-side DOM (linkedom); the builder itself is platform-neutral (src/report). The
 * DOM, the builder and the optimiser (for a curve) load only when a report is drawn. Node only.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { LoadedBundle } from '../data/layer.ts';
import { reportForecast } from '../forecast/report-forecast.ts';
import { createKernel } from '../kernel/index.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { runFunnel } from '../score/funnel.ts';
import { openDatabase } from './open-database.ts';
import type { FunnelResult } from '../score/types.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { locateBundle } from './bundle-location.ts';
import { createNodeKernel } from './kernel-pool.ts';
import { loadBundleDir } from './load-bundle-dir.ts';
import { refuseOverwritingInputs } from './output-guard.ts';
import { readAttribution } from './read-attribution.ts';
import { readScenarioFile } from './read-scenario-file.ts';
import { readCalibration } from './score/forecast-out-columns.ts';

export interface HtmlReportRequest {
  /** The bundle folder or manifest, the scenario (undefined: scenario.json beside the manifest) and the output, as given. */
  bundle: string;
  scenario?: string;
  out: string;
  topN: number;
  maxRows: number;
  /** Kernel threads, the calling one included [all cores]. */
  threads?: number;
  /** `pmedian:1..10`: the "How many outlets" section. */
  curve?: string;
  /** A calibration file: the "Forecast" section for the kept sites. */
  calibration?: string;
}

export interface HtmlReport {
  /** The file written, its size in bytes. */
  out: string;
  bytes: number;
  bundle: LoadedBundle;
  scenario: Scenario;
  result: FunnelResult;
}

export async function writeHtmlReport(request: HtmlReportRequest, cwd: string, bar: (stage: string, fraction: number) => void): Promise<HtmlReport> {
  // Checked before anything loads; the optimiser is loaded only for a curve.
  const curve = request.curve === undefined ? undefined : await import('../optimize/curve-from-bundle.ts').then((module) => ({ module, spec: module.parseCurveSpec(request.curve!) }));
  const { dir, manifestPath: manifest, manifestFile, scenarioBeside } = await locateBundle(request.bundle, cwd);
  const out = path.resolve(cwd, request.out);
  const scenarioFile = request.scenario === undefined ? scenarioBeside : path.resolve(cwd, request.scenario);
  const calibrationFile = request.calibration === undefined ? undefined : path.resolve(cwd, request.calibration);
  await refuseOverwritingInputs({ bundle: { dir, manifestPath: manifest }, inputs: { 'the scenario': scenarioFile, 'the --calibration file': calibrationFile }, outputs: { '--out': out } });
  const scenario = await readScenarioFile(scenarioFile);
  const calibration = calibrationFile === undefined ? undefined : await readCalibration(calibrationFile);
  const bundle = await loadBundleDir(dir, { manifestPath: manifest, onProgress: ({ file, fraction }) => bar(`loading ${path.basename(file)}`, fraction * 0.4) });
  const attribution = await readAttribution(manifestFile);
  const threads = request.threads ?? availableParallelism();
  const pool = threads > 1 ? createNodeKernel({ threads }) : undefined;
  const database = await openDatabase();
  const result = await runFunnel(bundle, scenario, { database, kernel: pool ?? createKernel(), onProgress: (stage, f) => bar(stage, 0.4 + 0.5 * f) }).finally(async () => {
    await pool?.close();
    await database.close();
  });
  const optimizeCurve = curve && (await curve.module.bundleCurve(bundle, scenario, curve.spec, { onProgress: (p) => bar(`how many outlets: ${p.stage}`, 0.9) }));
  const forecast = calibration && reportForecast(bundle, scenario, calibration, result.sites, request.topN);
  bar('drawing the report', 0.9);
  const [{ parseHTML }, { installPixelCanvas }, { buildReport }, { reportTradeAreas }] = await Promise.all([
    import('linkedom'), import('../notebook/canvas-shim.node.ts'), import('../report/build-report.ts'), import('../report/trade-area-section.ts'),
  ]);
  const tradeAreas = await reportTradeAreas(bundle, result);
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  installPixelCanvas(document);
  // linkedom implements the DOM that Plot uses; its own types are not the lib.dom ones.
  const html = buildReport({ bundle, scenario, result, document: document as unknown as Document, attribution, topN: request.topN, maxRows: request.maxRows, optimizeCurve, forecast, tradeAreas });
  await writeFileAtomically(out, html);
  bar('done', 1);
  return { out, bytes: Buffer.byteLength(html, 'utf8'), bundle, scenario, result };
}

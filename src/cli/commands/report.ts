/**
 * `siteselect report --bundle DIR [--scenario FILE] [--out report.html]`: runs the funnel and writes
 * one self-contained HTML file (maps as inline SVG, tables, the best site's breakdown). Plot draws
 * into a server-side DOM (linkedom) here; the builder itself is platform-neutral (src/report).
 * The DOM and the builder are loaded when a report is drawn, so `--help` does not pay for them.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createKernel } from '../../kernel/index.ts';
import type { SiteKernel } from '../../kernel/types.ts';
import { createNodeKernel } from '../../node/kernel-pool.ts';
import { loadBundleDir } from '../../node/load-bundle-dir.ts';
import { writeFileAtomically } from '../../node/atomic-file.ts';
import { bundleInputs, refuseClobbering } from '../../node/output-guard.ts';
import { reportForecast } from '../../forecast/report-forecast.ts';
import { formatScore } from '../../report/format-score.ts';
import { leadSentences, leadSites, type SiteMention } from '../../report/lead-site.ts';
import { runFunnel } from '../../score/funnel.ts';
import { funnelShortlist } from '../../score/funnel-shortlist.ts';
import { locateBundle } from '../../node/bundle-location.ts';
import { EXIT_OK, type CliIO, type Command } from '../command.ts';
import { readAttribution } from '../report/read-attribution.ts';
import { parseReportArgs } from '../report/report-args.ts';
import { readCalibration } from '../../node/score/forecast-out-columns.ts';
import { progressBar } from '../score/progress-bar.ts';
import { readScenarioFile } from '../../node/read-scenario-file.ts';
import { USAGE } from '../usage/report.ts';

export const command: Command = {
  usage: USAGE,
  async run(argv: string[], io: CliIO) {
    const args = parseReportArgs(argv);
    // Checked before anything loads; the optimiser is loaded only for a curve.
    const curve = args.curve === undefined ? undefined : await import('../../optimize/curve-from-bundle.ts').then((module) => ({ module, spec: module.parseCurveSpec(args.curve!) }));
    const { dir, manifestPath: manifest, manifestFile, scenarioBeside } = await locateBundle(args.bundle, io.cwd);
    const out = path.resolve(io.cwd, args.out);
    const scenarioFile = args.scenario === undefined ? scenarioBeside : path.resolve(io.cwd, args.scenario);
    await refuseClobbering([...(await bundleInputs(dir, manifest)), { label: 'the scenario', file: scenarioFile }], [{ label: '--out', file: out }]);
    const scenario = await readScenarioFile(scenarioFile);
    const calibration = args.calibration === undefined ? undefined : await readCalibration(path.resolve(io.cwd, args.calibration));
    const bar = args.quiet ? () => {} : progressBar(io);
    const bundle = await loadBundleDir(dir, { manifestPath: manifest, onProgress: ({ file, fraction }) => bar(`loading ${path.basename(file)}`, fraction * 0.4) });
    const attribution = await readAttribution(manifestFile);
    const threads = args.threads ?? availableParallelism();
    const pool = threads > 1 ? createNodeKernel({ threads }) : undefined;
    const kernel: SiteKernel = pool ?? createKernel();
    const result = await runFunnel(bundle, scenario, { kernel, onProgress: (stage, f) => bar(stage, 0.4 + 0.5 * f) }).finally(() => pool?.close());
    const optimizeCurve = curve && (await curve.module.bundleCurve(bundle, scenario, curve.spec, { onProgress: (p) => bar(`how many outlets: ${p.stage}`, 0.9) }));
    const forecast = calibration && reportForecast(bundle, scenario, calibration, result.sites, args.topN);
    bar('drawing the report', 0.9);
    const [{ parseHTML }, { installPixelCanvas }, { buildReport }, { reportTradeAreas }] = await Promise.all([
      import('linkedom'), import('../../notebook/canvas-shim.node.ts'), import('../../report/build-report.ts'), import('../../report/trade-area-section.ts'),
    ]);
    const tradeAreas = await reportTradeAreas(bundle, result);
    const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
    installPixelCanvas(document);
    // linkedom implements the DOM that Plot uses; its own types are not the lib.dom ones.
    const html = buildReport({ bundle, scenario, result, document: document as unknown as Document, attribution, topN: args.topN, maxRows: args.maxRows, optimizeCurve, forecast, tradeAreas });
    await writeFileAtomically(out, html);
    bar('done', 1);

    const sites = result.sites;
    const lead = leadSites(result);
    const mention = (m: SiteMention): { id: string; name: string; score: number } => ({ id: m.id, name: m.name, score: Number(formatScore(m.score)) });
    const kept = (k: Uint8Array): number => k.reduce((s, v) => s + v, 0);
    const summary = {
      ok: true, out, bytes: Buffer.byteLength(html, 'utf8'), bundle: bundle.name, synthetic: bundle.synthetic, scenario: scenario.name,
      regions: { compared: result.regions.ids.length, kept: kept(result.regions.kept) },
      districts: { compared: result.districts.ids.length, kept: kept(result.districts.kept) },
      sites: { compared: sites.ids.length, kept: kept(sites.kept), outside: result.outside?.ids.length ?? 0 },
      shortlist: funnelShortlist(result).map((e) => ({ id: e.id, region: e.region, district: e.district, score: Number(formatScore(e.score)), rank: e.rank })),
      best: lead.kept && mention(lead.kept),
      topNotKept: lead.topNotKept && { ...mention(lead.topNotKept), reason: lead.topNotKept.reason },
      warnings: result.warnings ?? [],
    };
    if (!args.quiet) for (const w of summary.warnings) io.stderr(`siteselect report: note: ${w}\n`);
    if (args.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
    else {
      const lines = [
        `wrote ${out} (${Math.ceil(summary.bytes / 1024)} KB)`,
        `${summary.regions.compared} regions (${summary.regions.kept} kept), ${summary.districts.compared} districts (${summary.districts.kept} kept), ${summary.sites.compared} sites (${summary.sites.kept} kept)${summary.sites.outside ? `; ${summary.sites.outside} candidates outside the study area, not compared` : ''}`,
        ...leadSentences(lead),
      ];
      io.stdout(lines.join('\n') + '\n');
    }
    return EXIT_OK;
  },
};

/**
 * `siteselect score --bundle DIR [options]`: batch scoring of candidate sites (coordinates, or
 * addresses geocoded against the bundle's gazetteer) with the scenario's site criteria; writes the
 * ranked sites and a rejects file, optionally only the best N per region or district (spaced).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { layerNoteLines } from '../../data/layer-notes.ts';
import { createKernel } from '../../kernel/index.ts';
import { createNodeKernel } from '../../node/kernel-pool.ts';
import { bundleInputs, refuseClobbering } from '../../node/output-guard.ts';
import { EXIT_OK, EXIT_USAGE, type CliIO, type Command } from '../command.ts';
import { comparedSites } from '../../score/compared-sites.ts';
import { progressBar } from '../score/progress-bar.ts';
import { locateInputs, readBundleAndScenario, readCandidates } from '../score/read-inputs.ts';
import { parseScoreArgs, type ScoreArgs } from '../score/score-args.ts';
import { DEFAULT_MEMORY_LIMIT, scoreRun } from '../score/score-run.ts';
import type { ScoreSummary } from '../score/score-summary.ts';
import { readCalibration } from '../score/forecast-out-columns.ts';
import { rejectsPath } from '../score/write-rejects.ts';
import { formatOf, type TableFormat } from '../score/write-table.ts';

const USAGE = `Usage: siteselect score --bundle DIR --scenario FILE --candidates FILE [options]
       siteselect score <bundle-dir | bundle.json> [options]

Scores candidate sites with the scenario's site criteria (no funnel cut: every site is scored) and
writes them ranked, best first, with each criterion's raw value and points, the region and district
each site lies in, and how it was placed (placed_by, geocode_confidence). Rows that cannot be placed
go to the rejects file with their row number and reason; so do sites outside every region or
district of the bundle, which are not compared (as in the funnel and the report); read = scored +
rejected.

Every run takes the same path: the rows are read and placed (rejects kept with their reasons), the
sites go through the distance kernel in chunks, and their raw values go into DuckDB, which
normalises, ranks, keeps and writes them. DuckDB's memory is bounded by --memory-limit; beyond it
DuckDB spills to a scratch folder in the temporary folder, removed at the end or when interrupted.

Options:
  --bundle DIR           the bundle folder (or its bundle.json); may also be given first, bare
  --scenario FILE        scenario JSON [<bundle>/scenario.json]
  --candidates FILE      sites to score (CSV/TSV/GeoJSON/Parquet/…: lon/lat, WKT, or an address column
                         geocoded against the bundle's gazetteer) [the bundle's candidates layer]
  --crs NAME             coordinate system of --candidates: wgs84, gcj02, bd09 or 3857 [wgs84];
                         converted to WGS84
  --id-column NAME       the id column of --candidates when it is not detected (id, site_id,
                         store_id, objectid, 编号 … are) [ids: <file name>:<row>]
  --address-column NAME  the address column of --candidates when it is not detected
  --min-confidence X     reject addresses geocoded with confidence below X (0–1) [0]
  --out FILE             ranked sites [scores.<format>]
  --format FMT           csv, geojson or parquet; overrides the --out extension [by extension, csv]
  --rejects FILE         rejected rows as CSV: file, row, column, reason, value [<out>.rejects.csv]
  --top-per GROUP:N      shortlist: the best N eligible sites per region or district, best first,
                         at least the scenario's minSpacing apart (e.g. --top-per region:5)
  --top N --per GROUP    the same, older spelling; --per also accepts all
  --kept                 only the sites the scenario keeps (its topK, spacing, constraints)
  --sensitivity          add p_top_k, rank_p05, rank_p95: Dirichlet perturbations of the weights
    --draws N            perturbations [200]
    --concentration C    Dirichlet concentration: larger = smaller perturbations [50]
    --seed S             random seed [1]
    --sensitivity-top K  the k of p_top_k [10]
  --calibration FILE     a calibration (siteselect calibrate --out): adds forecast, forecast_low,
                         forecast_high (95 %), cannibalised, net_forecast (in its observed unit) and
                         top_transfers ("own-outlet-id:amount; …", the 5 it takes most from); also
                         feeds a forecast_net criterion
  --threads N            kernel threads, this one included; 1 = no worker threads [all cores]
  --memory-limit SIZE    DuckDB's memory for the run, e.g. 512MB or 4GB [${DEFAULT_MEMORY_LIMIT}]
  --json                 print a machine-readable summary on standard output
                         (schemas/score-summary.schema.json)
  --quiet, -q            nothing on standard error except errors
  --help                 this text

Exit status: 0 done, 1 failure, 2 bad usage or an unusable file (also when no row can be placed).`;

/** The files this run writes (rejects always as .csv), checked against its inputs before any work. */
async function outputPaths(args: ScoreArgs, cwd: string): Promise<{ out: string; rejects: string; format: TableFormat }> {
  const out = path.resolve(cwd, args.out ?? `scores.${args.format ?? 'csv'}`);
  const rejects = rejectsPath(args.rejects ? path.resolve(cwd, args.rejects) : out.replace(/(\.[^./\\]+)?$/, '.rejects.csv'));
  const { dir, manifestPath, scenarioFile } = await locateInputs(args, cwd);
  const inputs = [...(await bundleInputs(dir, manifestPath)), { label: 'the scenario', file: scenarioFile }];
  if (args.candidates !== undefined) inputs.push({ label: 'the --candidates file', file: path.resolve(cwd, args.candidates) });
  await refuseClobbering(inputs, [{ label: '--out', file: out }, { label: '--rejects', file: rejects }]);
  return { out, rejects, format: args.format ?? formatOf(out) };
}

export const command: Command = {
  usage: USAGE,
  async run(argv: string[], io: CliIO) {
    const started = performance.now();
    const args = parseScoreArgs(argv);
    const { out, rejects, format } = await outputPaths(args, io.cwd);
    const bar = args.quiet ? () => {} : progressBar(io);
    const base = await readBundleAndScenario(args, io.cwd, ({ file, fraction }) => bar(`loading ${path.basename(file)}`, fraction * 0.3));
    const { bundle } = base;
    // --calibration: the forecast columns, and the forecast_net criterion's calibration.
    const calibration = args.calibration === undefined ? undefined : await readCalibration(path.resolve(io.cwd, args.calibration));
    const scenario = calibration ? { ...base.scenario, calibration } : base.scenario;
    const read = await readCandidates(args, io.cwd, base);
    // sites outside the study area are not compared: they join the rejects (the funnel's rule)
    const { sites, report: sitesReport, outside, notes } = comparedSites(bundle, read.sites, read.sitesReport);
    const threads = sites.ids.length > 0 ? (args.threads ?? availableParallelism()) : 1;
    const pool = threads > 1 ? createNodeKernel({ threads }) : undefined;
    const outcome = await scoreRun({ args, bundle, scenario, calibration, sites, sitesReport, kernel: pool ?? createKernel(), out, rejects, format, bar })
      .finally(() => pool?.close());
    bar('done', 1);

    const summary: ScoreSummary = {
      ok: outcome.scored > 0,
      bundle: bundle.name, synthetic: bundle.synthetic, scenario: scenario.name, candidates: outcome.file,
      read: outcome.read, scored: outcome.scored, rejected: outcome.rejected, outside,
      placed_by_coordinates: outcome.byCoordinates, geocoded_exact: outcome.exact, geocoded_fuzzy: outcome.fuzzy,
      written: outcome.written, out, format, rejects,
      top_per: args.top !== undefined ? { group: args.per, n: args.top, min_spacing: scenario.constraints.minSpacing ?? 0 } : null,
      sensitivity: args.sensitivity ? { draws: args.sensitivity.draws, concentration: args.sensitivity.concentration, seed: args.sensitivity.seed, top_k: args.sensitivity.topK } : null,
      top: outcome.top,
      warnings: [...notes, ...outcome.warnings],
      seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    };
    if (!args.quiet) {
      const files = args.candidates === undefined ? bundle.reports : [...bundle.reports, read.sitesReport];
      for (const n of layerNoteLines(files)) io.stderr(`siteselect score: note: ${n}\n`);
      for (const w of summary.warnings) io.stderr(`siteselect score: note: ${w}\n`);
    }
    if (args.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
    else {
      const lines = [
        `${bundle.name}${bundle.synthetic && !/synthetic/i.test(bundle.name) ? ' (synthetic)' : ''} — scenario "${scenario.name}"`,
        `${outcome.file}: read ${summary.read}, scored ${summary.scored} (coordinates ${summary.placed_by_coordinates}, exact address ${summary.geocoded_exact}, fuzzy ${summary.geocoded_fuzzy}), rejected ${summary.rejected}${outside ? ` (${outside} outside the study area, not compared)` : ''}`,
        `wrote ${summary.written} sites to ${out}`,
        `wrote ${summary.rejected} rejects to ${rejects}`,
        '', 'best sites:',
        ...summary.top.map((t) => `  ${String(t.rank).padStart(4)}  ${t.score.toFixed(2).padStart(6)}  ${t.id}  ${t.name}${t.kept ? '' : `  (not kept${t.excluded_by ? `: ${t.excluded_by}` : ''})`}`),
      ];
      io.stdout(lines.join('\n') + '\n');
    }
    if (outcome.scored === 0) {
      // every row rejected: the input is unusable as given (exit 2), the rejects say why
      const where = outside ? ' inside the bundle\'s regions and districts' : '';
      io.stderr(`siteselect score: no row of ${outcome.file} could be placed${where}; see the reasons in ${rejects}\n`);
      return EXIT_USAGE;
    }
    return EXIT_OK;
  },
};

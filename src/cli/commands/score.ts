/**
 * `siteselect score --bundle DIR [options]`: batch scoring of candidate sites (coordinates, or
 * addresses geocoded against the bundle's gazetteer) with the scenario's site criteria; writes the
 * ranked sites and a rejects file, optionally only the best N per region or district (spaced).
 */
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { BundleError, UsageError } from '../../data/errors.ts';
import { resolveFormat } from '../../io/detect-format.ts';
import { createKernel } from '../../kernel/index.ts';
import type { SiteKernel } from '../../kernel/types.ts';
import { createNodeKernel } from '../../node/kernel-pool.ts';
import { bundleInputs, refuseClobbering } from '../../node/output-guard.ts';
import { EXIT_OK, EXIT_USAGE, type CliIO, type Command } from '../command.ts';
import type { ScoreOutcome } from '../score/arrange.ts';
import { progressBar } from '../score/progress-bar.ts';
import { candidateEntry, candidatePath, locateInputs, readBundleAndScenario, readCandidates } from '../score/read-inputs.ts';
import { parseScoreArgs, type ScoreArgs } from '../score/score-args.ts';
import type { ScoreSummary } from '../score/score-summary.ts';
import { streamScore, StreamFallback } from '../score/stream-score.ts';
import { NotUtf8Error } from '../score/text-blocks.ts';
import { wholeScore } from '../score/whole-score.ts';
import { readCalibration } from '../score/forecast-out-columns.ts';
import { rejectsPath } from '../score/write-rejects.ts';
import { formatOf, type TableFormat } from '../score/write-table.ts';

const USAGE = `Usage: siteselect score --bundle DIR --scenario FILE --candidates FILE [options]
       siteselect score <bundle-dir | bundle.json> [options]

Scores candidate sites with the scenario's site criteria (no funnel cut: every site is scored) and
writes them ranked, best first, with each criterion's raw value and points, the region and district
each site lies in, and how it was placed (placed_by, geocode_confidence). Rows that cannot be placed
go to the rejects file with their row number and reason; read = scored + rejected.

A --candidates file is streamed — a UTF-8 CSV/TSV in blocks, Parquet by row group, Arrow by record
batch, a GeoJSON FeatureCollection feature by feature — and scored chunk by chunk, each row's
numbers kept in scratch files on disk (in the temporary folder, deleted at the end or when
interrupted), ranked with on-disk sorts, then read a second time to write the ranked rows; memory
stays bounded however long the file. Parquet and Arrow files with a geometry column, GeoJSON that is
not a FeatureCollection, files in another encoding and the bundle's own candidates are read whole,
and so is any file with --sensitivity (its draws re-rank every site at once) or --calibration.

Options:
  --bundle DIR           the bundle folder (or its bundle.json); may also be given first, bare
  --scenario FILE        scenario JSON [<bundle>/scenario.json]
  --candidates FILE      sites to score (CSV/TSV/GeoJSON/Parquet/…: lon/lat, WKT, or an address column
                         geocoded against the bundle's gazetteer) [the bundle's candidates layer]
  --crs NAME             coordinate system of --candidates: wgs84, gcj02, bd09 or 3857 [wgs84];
                         converted to WGS84
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
  --chunk-bytes N        a CSV/TSV --candidates file is streamed in blocks of N bytes [4194304]
  --sort-bytes N         memory for each in-memory run of a streamed file's on-disk sorts [33554432]
  --whole-file           read --candidates whole instead of streaming it
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

/** A --candidates file that is CSV, TSV, Parquet, Arrow or GeoJSON by its name and its first bytes: it can be streamed. */
async function streamable(file: string): Promise<'csv' | 'tsv' | 'parquet' | 'arrow' | 'geojson' | undefined> {
  const handle = await open(file, 'r');
  const first = new Uint8Array(64);
  try {
    await handle.read(first, 0, first.length, 0);
  } finally {
    await handle.close();
  }
  try {
    const { format } = resolveFormat(path.basename(file), first);
    return format === 'csv' || format === 'tsv' || format === 'parquet' || format === 'arrow' || format === 'geojson' ? format : undefined;
  } catch {
    return undefined; // an unknown name: the whole-file path says so
  }
}

function kernelFor(threads: number): () => { kernel: SiteKernel; close(): void } {
  return () => {
    const pool = threads > 1 ? createNodeKernel({ threads }) : undefined;
    return { kernel: pool ?? createKernel(), close: () => pool?.close() };
  };
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
    const threads = args.threads ?? availableParallelism();
    const file = await candidatePath(args, io.cwd);
    const kind = file !== undefined && !args.wholeFile && !calibration ? await streamable(file) : undefined;
    let outcome: ScoreOutcome | undefined;
    let streamed = false;
    if (file !== undefined && kind !== undefined) {
      const pool = kernelFor(threads)();
      let closed = false;
      const close = (): void => {
        if (!closed) pool.close();
        closed = true;
      };
      try {
        const entry = candidateEntry(args, file);
        outcome = await streamScore({ args, file, entry, source: kind, bundle, scenario, kernel: pool.kernel, releaseKernel: close, out, rejects, format, bar });
        streamed = true;
      } catch (err) {
        if (!(err instanceof StreamFallback || err instanceof NotUtf8Error || err instanceof BundleError || err instanceof UsageError)) throw err;
        // read whole below: it reports whole-file errors in its own words, or reads what streaming cannot
      } finally {
        close();
      }
    }
    if (outcome === undefined) {
      const { sites, sitesReport } = await readCandidates(args, io.cwd, base);
      const n = sites.ids.length;
      outcome = await wholeScore({ args, bundle, scenario, calibration, sites, sitesReport, kernel: kernelFor(n > 0 ? threads : 1), out, rejects, format, bar });
    }
    bar('done', 1);

    const summary: ScoreSummary = {
      ok: outcome.scored > 0,
      bundle: bundle.name, synthetic: bundle.synthetic, scenario: scenario.name, candidates: outcome.file, streamed,
      read: outcome.read, scored: outcome.scored, rejected: outcome.rejected,
      placed_by_coordinates: outcome.byCoordinates, geocoded_exact: outcome.exact, geocoded_fuzzy: outcome.fuzzy,
      written: outcome.written, out, format, rejects,
      top_per: args.top !== undefined ? { group: args.per, n: args.top, min_spacing: scenario.constraints.minSpacing ?? 0 } : null,
      sensitivity: args.sensitivity ? { draws: args.sensitivity.draws, concentration: args.sensitivity.concentration, seed: args.sensitivity.seed, top_k: args.sensitivity.topK } : null,
      top: outcome.top,
      warnings: outcome.warnings,
      seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    };
    if (!args.quiet) for (const w of summary.warnings) io.stderr(`siteselect score: note: ${w}\n`);
    if (args.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
    else {
      const lines = [
        `${bundle.name}${bundle.synthetic && !/synthetic/i.test(bundle.name) ? ' (synthetic)' : ''} — scenario "${scenario.name}"`,
        `${outcome.file}: read ${summary.read}, scored ${summary.scored} (coordinates ${summary.placed_by_coordinates}, exact address ${summary.geocoded_exact}, fuzzy ${summary.geocoded_fuzzy}), rejected ${summary.rejected}`,
        `wrote ${summary.written} sites to ${out}`,
        `wrote ${summary.rejected} rejects to ${rejects}`,
        '', 'best sites:',
        ...summary.top.map((t) => `  ${String(t.rank).padStart(4)}  ${t.score.toFixed(2).padStart(6)}  ${t.id}  ${t.name}`),
      ];
      io.stdout(lines.join('\n') + '\n');
    }
    if (outcome.scored === 0) {
      // every row rejected: the input is unusable as given (exit 2), the rejects say why
      io.stderr(`siteselect score: no row of ${outcome.file} could be placed; see the reasons in ${rejects}\n`);
      return EXIT_USAGE;
    }
    return EXIT_OK;
  },
};

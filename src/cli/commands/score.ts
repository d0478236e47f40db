/**
 * `siteselect score --bundle DIR [options]`: batch scoring of candidate sites (coordinates, or
 * addresses geocoded against the bundle's gazetteer) with the scenario's site criteria; writes the
 * ranked sites and a rejects file, optionally only the best N per region or district (spaced).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isColumnChoiceNote } from '../../data/column-plan.ts';
import { layerNoteLines } from '../../data/layer-notes.ts';
import { createKernel } from '../../kernel/index.ts';
import { createNodeKernel } from '../../node/kernel-pool.ts';
import { bundleInputs, refuseClobbering } from '../../node/output-guard.ts';
import { EXIT_OK, EXIT_USAGE, type CliIO, type Command } from '../command.ts';
import { progressBar } from '../progress-bar.ts';
import { candidateSites, locateInputs, readBundleAndScenario } from '../../node/command-inputs.ts';
import { parseScoreArgs, type ScoreArgs } from '../score/score-args.ts';
import { scoreRun } from '../../node/score/score-run.ts';
import type { ScoreSummary } from '../../node/score/score-summary.ts';
import { readCalibration } from '../../node/score/forecast-out-columns.ts';
import { rejectsPath } from '../../node/score/write-rejects.ts';
import { formatOf, type TableFormat } from '../../node/score/write-table.ts';
import { USAGE } from '../usage/score.ts';

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
    // the sites, read once DuckDB is open; those outside the study area join the rejects (the funnel's rule)
    const sites = await candidateSites(args, io.cwd, base);
    const threads = args.threads ?? availableParallelism();
    const pool = threads > 1 ? createNodeKernel({ threads }) : undefined;
    const outcome = await scoreRun({ args, bundle, scenario, calibration, sites, kernel: pool ?? createKernel(), out, rejects, format, bar })
      .finally(() => pool?.close());
    bar('done', 1);

    const summary: ScoreSummary = {
      ok: outcome.scored > 0,
      bundle: bundle.name, synthetic: bundle.synthetic, scenario: scenario.name, candidates: outcome.file,
      read: outcome.read, scored: outcome.scored, rejected: outcome.rejected, outside: outcome.outside,
      placed_by_coordinates: outcome.byCoordinates, geocoded_exact: outcome.exact, geocoded_fuzzy: outcome.fuzzy,
      written: outcome.written, out, format, rejects,
      top_per: args.top !== undefined ? { group: args.per, n: args.top, min_spacing: scenario.constraints.minSpacing ?? 0 } : null,
      sensitivity: args.sensitivity ? { draws: args.sensitivity.draws, concentration: args.sensitivity.concentration, seed: args.sensitivity.seed, top_k: args.sensitivity.topK } : null,
      top: outcome.top,
      warnings: outcome.warnings,
      seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    };
    if (!args.quiet) {
      // The bundle's layers without their routine column choices (validate lists those); the candidates file with all its notes.
      const bundleNotes = bundle.reports.map((r) => ({ file: r.file, notes: r.notes.filter((n) => !isColumnChoiceNote(n)) }));
      const files = args.candidates === undefined ? bundleNotes : [...bundleNotes, { file: outcome.file, notes: outcome.notes }];
      for (const n of layerNoteLines(files)) io.stderr(`siteselect score: note: ${n}\n`);
      for (const w of summary.warnings) io.stderr(`siteselect score: note: ${w}\n`);
    }
    if (args.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
    else {
      const lines = [
        `${bundle.name}${bundle.synthetic && !/synthetic/i.test(bundle.name) ? ' (synthetic)' : ''} — scenario "${scenario.name}"`,
        `${outcome.file}: read ${summary.read}, scored ${summary.scored} (coordinates ${summary.placed_by_coordinates}, exact address ${summary.geocoded_exact}, fuzzy ${summary.geocoded_fuzzy}), rejected ${summary.rejected}${outcome.outside ? ` (${outcome.outside} outside the study area, not compared)` : ''}`,
        `wrote ${summary.written} sites to ${out}`,
        `wrote ${summary.rejected} rejects to ${rejects}`,
        '', 'best sites:',
        ...summary.top.map((t) => `  ${String(t.rank).padStart(4)}  ${t.score.toFixed(2).padStart(6)}  ${t.id}  ${t.name}${t.kept ? '' : `  (not kept${t.excluded_by ? `: ${t.excluded_by}` : ''})`}`),
      ];
      io.stdout(lines.join('\n') + '\n');
    }
    if (outcome.scored === 0) {
      // every row rejected: the input is unusable as given (exit 2), the rejects say why
      const where = outcome.outside ? ' inside the bundle\'s regions (districts)' : '';
      io.stderr(`siteselect score: no row of ${outcome.file} could be placed${where}; see the reasons in ${rejects}\n`);
      return EXIT_USAGE;
    }
    return EXIT_OK;
  },
};

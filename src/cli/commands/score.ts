/**
 * `siteselect score --bundle DIR [options]`: batch scoring of candidate sites (coordinates, or
 * addresses geocoded against the bundle's gazetteer) with the scenario's site criteria; writes the
 * ranked sites and a rejects file, optionally only the best N per region or district (spaced).
 * Flags and output; the run is src/node/batch-score.ts.
 */
import { isColumnChoiceNote } from '../../data/column-plan.ts';
import { layerNoteLines } from '../../data/layer-notes.ts';
import { UsageError } from '../../errors.ts';
import { batchScore, type BatchScoreRequest } from '../../node/batch-score.ts';
import type { ScoreSummary } from '../../node/score/score-summary.ts';
import { EXIT_OK, EXIT_USAGE, type Command } from '../command.ts';
import { inputCrs } from '../common-options.ts';
import { bundleLabel, printNotes, printSummary, wrote } from '../output.ts';
import type { CommandLine, OptionValues } from '../parse-options.ts';
import { progressBar } from '../progress-bar.ts';
import type { SPEC } from '../usage/score.ts';

/** --top-per GROUP:N, else the older --top N --per GROUP. */
function shortlist(v: OptionValues<typeof SPEC.options>): { per: 'region' | 'district' | 'all'; top?: number } {
  if (v['top-per'] === undefined) return { per: v.per, top: v.top };
  const m = /^(region|district):(\d+)$/.exec(v['top-per']);
  if (!m || Number(m[2]) < 1) throw new UsageError(`--top-per must be region:N or district:N with N ≥ 1, got '${v['top-per']}'`);
  return { per: m[1] as 'region' | 'district', top: Number(m[2]) };
}

/** A size DuckDB takes as its memory_limit: a number and KB, MB, GB or TB. */
function memoryLimit(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT])i?B$/i.exec(v.trim());
  if (!m || !(Number(m[1]) > 0)) throw new UsageError(`--memory-limit needs a size such as 512MB or 2GB, got '${v}'`);
  return `${m[1]}${m[2].toUpperCase()}B`;
}

function request({ bundle, values: v }: CommandLine<typeof SPEC>): BatchScoreRequest & { json: boolean; quiet: boolean } {
  const sensitivity = v.sensitivity ? { draws: v.draws, concentration: v.concentration, seed: v.seed, topK: v['sensitivity-top'] } : undefined;
  return {
    bundle, scenario: v.scenario, candidates: v.candidates, addressColumn: v['address-column'], idColumn: v['id-column'], crs: inputCrs(v.crs), minConfidence: v['min-confidence'],
    out: v.out, format: v.format, rejects: v.rejects, calibration: v.calibration, threads: v.threads, json: v.json, quiet: v.quiet,
    run: { ...shortlist(v), keptOnly: v.kept, sensitivity, memoryLimit: memoryLimit(v['memory-limit']) },
  };
}

export const command: Command<typeof SPEC> = {
  async run(line, io) {
    const started = performance.now();
    const args = request(line);
    const bar = args.quiet ? () => {} : progressBar(io);
    const { outcome, bundle, scenario, out, rejects, format } = await batchScore(args, io.cwd, bar);
    bar('done', 1);
    const { top, per, sensitivity: s } = args.run;
    const summary: ScoreSummary = {
      ok: outcome.scored > 0,
      bundle: bundle.name, synthetic: bundle.synthetic, scenario: scenario.name, candidates: outcome.file,
      read: outcome.read, scored: outcome.scored, rejected: outcome.rejected, outside: outcome.outside,
      placed_by_coordinates: outcome.byCoordinates, geocoded_exact: outcome.exact, geocoded_fuzzy: outcome.fuzzy,
      written: outcome.written, out, format, rejects,
      top_per: top !== undefined ? { group: per, n: top, min_spacing: scenario.constraints.minSpacing ?? 0 } : null,
      sensitivity: s ? { draws: s.draws, concentration: s.concentration, seed: s.seed, top_k: s.topK } : null,
      top: outcome.top,
      warnings: outcome.warnings,
      seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    };
    if (!args.quiet) {
      // The bundle's layers without their routine column choices (validate lists those); the candidates file with all its notes.
      const bundleNotes = bundle.reports.map((r) => ({ file: r.file, notes: r.notes.filter((n) => !isColumnChoiceNote(n)) }));
      const files = args.candidates === undefined ? bundleNotes : [...bundleNotes, { file: outcome.file, notes: outcome.notes }];
      printNotes(io, 'score', [...layerNoteLines(files), ...summary.warnings]);
    }
    printSummary(io, args.json, summary, () => [
      `${bundleLabel(bundle)} — scenario "${scenario.name}"`,
      `${outcome.file}: read ${summary.read}, scored ${summary.scored} (coordinates ${summary.placed_by_coordinates}, exact address ${summary.geocoded_exact}, fuzzy ${summary.geocoded_fuzzy}), rejected ${summary.rejected}${outcome.outside ? ` (${outcome.outside} outside the study area, not compared)` : ''}`,
      wrote(`${summary.written} sites`, out),
      wrote(`${summary.rejected} rejects`, rejects),
      '', 'best sites:',
      ...summary.top.map((t) => `  ${String(t.rank).padStart(4)}  ${t.score.toFixed(2).padStart(6)}  ${t.id}  ${t.name}${t.kept ? '' : `  (not kept${t.excluded_by ? `: ${t.excluded_by}` : ''})`}`),
    ]);
    if (outcome.scored === 0) {
      // every row rejected: the input is unusable as given (exit 2), the rejects say why
      const where = outcome.outside ? ' inside the bundle\'s regions (districts)' : '';
      io.stderr(`siteselect score: no row of ${outcome.file} could be placed${where}; see the reasons in ${rejects}\n`);
      return EXIT_USAGE;
    }
    return EXIT_OK;
  },
};

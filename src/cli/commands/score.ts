/**
 * `siteselect score --bundle DIR [options]`: batch scoring of candidate sites (coordinates, or
 * addresses geocoded against the bundle's gazetteer) with the scenario's site criteria; writes the
 * ranked sites and a rejects file, optionally only the best N per region or district (spaced).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../data/errors.ts';
import { assignPointsToPolygons } from '../../geo/containment.ts';
import { createKernel } from '../../kernel/index.ts';
import type { SiteKernel } from '../../kernel/types.ts';
import { createNodeKernel } from '../../node/kernel-pool.ts';
import { scoreSites } from '../../score/score-sites.ts';
import { weightSensitivity } from '../../sensitivity/weights.ts';
import { EXIT_OK, EXIT_USAGE, type CliIO, type Command } from '../command.ts';
import { progressBar } from '../score/progress-bar.ts';
import { readScoreInputs } from '../score/read-inputs.ts';
import { parseScoreArgs, type ScoreArgs } from '../score/score-args.ts';
import type { ScoreSummary } from '../score/score-summary.ts';
import { rankOrder, rankWithinGroups, shortlist } from '../score/shortlist.ts';
import { siteTable } from '../score/site-table.ts';
import { writeRejects } from '../score/write-rejects.ts';
import { formatOf, writeTable, type TableFormat } from '../score/write-table.ts';

const USAGE = `Usage: siteselect score --bundle DIR --scenario FILE --candidates FILE [options]
       siteselect score <bundle-dir | bundle.json> [options]

Scores candidate sites with the scenario's site criteria (no funnel cut: every site is scored) and
writes them ranked, best first, with each criterion's raw value and points, the region and district
each site lies in, and how it was placed (placed_by, geocode_confidence). Rows that cannot be placed
go to the rejects file with their row number and reason; read = scored + rejected.

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
  --threads N            kernel threads, this one included; 1 = no worker threads [all cores]
  --json                 print a machine-readable summary on standard output
                         (schemas/score-summary.schema.json)
  --quiet, -q            nothing on standard error except errors
  --help                 this text

Exit status: 0 done, 1 failure, 2 bad usage or an unusable file (also when no row can be placed).`;

function outputPaths(args: ScoreArgs, cwd: string): { out: string; rejects: string; format: TableFormat } {
  const out = path.resolve(cwd, args.out ?? `scores.${args.format ?? 'csv'}`);
  const rejects = args.rejects ? path.resolve(cwd, args.rejects) : out.replace(/(\.[^./\\]+)?$/, '.rejects.csv');
  if (out === rejects) throw new UsageError('--out and --rejects name the same file; give them different names');
  return { out, rejects, format: args.format ?? formatOf(out) };
}

export const command: Command = {
  summary: 'score candidate sites (coordinates or addresses) and shortlist the best per region',
  usage: USAGE,
  async run(argv: string[], io: CliIO) {
    const started = performance.now();
    const args = parseScoreArgs(argv);
    const { out, rejects, format } = outputPaths(args, io.cwd);
    const bar = args.quiet ? () => {} : progressBar(io);
    const inputs = await readScoreInputs(args, io.cwd, ({ file, fraction }) => bar(`loading ${path.basename(file)}`, fraction * 0.3));
    const { bundle, scenario, sites, sitesReport } = inputs;
    const threads = args.threads ?? availableParallelism();
    const pool = threads > 1 && sites.ids.length > 0 ? createNodeKernel({ threads }) : undefined;
    const kernel: SiteKernel = pool ?? createKernel();
    const result = await scoreSites(bundle, scenario, sites, { kernel, onProgress: (stage, f) => bar(stage, 0.3 + 0.6 * f) }).finally(() => pool?.close());
    let sensitivity;
    if (args.sensitivity && sites.ids.length > 0) {
      bar('sensitivity', 0.9);
      const s = args.sensitivity;
      sensitivity = weightSensitivity(result.criteria.map((c) => c.normalised), result.criteria.map((c) => c.weight), result.ids, {
        draws: s.draws, concentration: s.concentration, seed: s.seed, topK: s.topK, combine: result.combine,
      });
    }
    bar('writing', 0.95);
    const region = bundle.regions ? assignPointsToPolygons(sites.lon, sites.lat, bundle.regions.geometries) : new Int32Array(sites.ids.length).fill(-1);
    const group = args.per === 'region' ? region : args.per === 'district' ? result.parent : new Int32Array(sites.ids.length);
    const groupRank = rankWithinGroups(result, group);
    const byRank = rankOrder(result);
    const minSpacing = scenario.constraints.minSpacing ?? 0;
    const rows = args.top !== undefined
      ? shortlist(result, group, args.top, { minSpacing, lon: sites.lon, lat: sites.lat })
      : args.keptOnly ? byRank.filter((i) => result.kept[i]) : byRank;
    await writeTable(out, siteTable({ result, sites, bundle, region, groupName: args.per, groupRank, sensitivity }), rows, format);
    await writeRejects(rejects, sitesReport);
    bar('done', 1);

    const placedBy = sites.text.placed_by ?? [];
    const count = (m: string): number => placedBy.reduce((n, p) => n + (p === m ? 1 : 0), 0);
    const summary: ScoreSummary = {
      ok: sites.ids.length > 0,
      bundle: bundle.name, synthetic: bundle.synthetic, scenario: scenario.name, candidates: sitesReport.file,
      read: sitesReport.read, scored: sites.ids.length, rejected: sitesReport.rejected,
      placed_by_coordinates: placedBy.length ? count('coordinates') : sites.ids.length,
      geocoded_exact: count('exact'), geocoded_fuzzy: count('fuzzy'),
      written: rows.length, out, format, rejects,
      top_per: args.top !== undefined ? { group: args.per, n: args.top, min_spacing: minSpacing } : null,
      sensitivity: args.sensitivity ? { draws: args.sensitivity.draws, concentration: args.sensitivity.concentration, seed: args.sensitivity.seed, top_k: args.sensitivity.topK } : null,
      top: byRank.slice(0, 10).map((i) => ({ rank: result.rank[i], id: result.ids[i], name: result.names[i] ?? '', score: Number(result.score[i].toFixed(2)) })),
      warnings: result.warnings ?? [],
      seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    };
    if (!args.quiet) for (const w of summary.warnings) io.stderr(`siteselect score: note: ${w}\n`);
    if (args.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
    else {
      const lines = [
        `${bundle.name}${bundle.synthetic && !/synthetic/i.test(bundle.name) ? ' (synthetic)' : ''} — scenario "${scenario.name}"`,
        `${sitesReport.file}: read ${summary.read}, scored ${summary.scored} (coordinates ${summary.placed_by_coordinates}, exact address ${summary.geocoded_exact}, fuzzy ${summary.geocoded_fuzzy}), rejected ${summary.rejected}`,
        `wrote ${rows.length} sites to ${out}`,
        `wrote ${summary.rejected} rejects to ${rejects}`,
        '', 'best sites:',
        ...summary.top.map((t) => `  ${String(t.rank).padStart(4)}  ${t.score.toFixed(2).padStart(6)}  ${t.id}  ${t.name}`),
      ];
      io.stdout(lines.join('\n') + '\n');
    }
    if (sites.ids.length === 0) {
      // every row rejected: the input is unusable as given (exit 2), the rejects say why
      io.stderr(`siteselect score: no row of ${sitesReport.file} could be placed; see the reasons in ${rejects}\n`);
      return EXIT_USAGE;
    }
    return EXIT_OK;
  },
};

/**
 * `siteselect score <bundle> [options]`: batch scoring of candidate sites (coordinates, or
 * addresses geocoded against the bundle's gazetteer) with the scenario's site criteria; writes the
 * ranked sites and a rejects file, optionally only the top N per region.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../data/errors.ts';
import { assignPointsToPolygons } from '../../geo/containment.ts';
import { createKernel } from '../../kernel/index.ts';
import type { SiteKernel } from '../../kernel/types.ts';
import { createNodeKernel } from '../../node/kernel-pool.ts';
import { scoreSites } from '../../score/score-sites.ts';
import { EXIT_FAILURE, EXIT_OK, type CliIO, type Command } from '../command.ts';
import { progressBar } from '../score/progress-bar.ts';
import { readScoreInputs } from '../score/read-inputs.ts';
import { parseScoreArgs, type ScoreArgs } from '../score/score-args.ts';
import { rankWithinGroups, shortlist } from '../score/shortlist.ts';
import { siteTable } from '../score/site-table.ts';
import { writeRejects } from '../score/write-rejects.ts';
import { writeTable } from '../score/write-table.ts';

const USAGE = `Usage: siteselect score <bundle-dir | bundle.json> [options]

Scores candidate sites with the scenario's site criteria (no funnel cut: every site is scored) and
writes them ranked, best first, with each criterion's raw value and points, the region and district
each site lies in, and how it was placed. Rows that cannot be placed go to the rejects file.

Options:
  --scenario FILE        scenario JSON [<bundle>/scenario.json]
  --candidates FILE      sites to score (CSV/TSV/GeoJSON/…: lon/lat, WKT, or an address column that
                         is geocoded against the bundle's gazetteer) [the bundle's candidates layer]
  --address-column NAME  the address column of --candidates when it is not detected
  --min-confidence X     reject addresses geocoded with confidence below X (0–1) [0]
  --out FILE             ranked sites: .csv, .geojson (points) or .parquet [scores.csv]
  --rejects FILE         rejected rows: row, column, reason, value [<out>.rejects.csv]
  --top N                shortlist: only the best N eligible sites per group (see --per)
  --per GROUP            region | district | all: the group for --top and rank_in_<group> [region]
  --kept                 only the sites the scenario keeps (its topK, spacing, constraints)
  --threads N            kernel threads, this one included; 1 = no worker threads [all cores]
  --json                 print a machine-readable summary on standard output

Exit status: 0 done, 1 nothing could be scored, 2 bad usage or an unusable file.`;

function outputPaths(args: ScoreArgs, cwd: string): { out: string; rejects: string } {
  const out = path.resolve(cwd, args.out ?? 'scores.csv');
  const rejects = args.rejects ? path.resolve(cwd, args.rejects) : out.replace(/(\.[^./\\]+)?$/, '.rejects.csv');
  if (out === rejects) throw new UsageError('--out and --rejects name the same file; give them different names');
  return { out, rejects };
}

export const command: Command = {
  summary: 'score candidate sites (coordinates or addresses) and shortlist the best per region',
  usage: USAGE,
  async run(argv: string[], io: CliIO) {
    const args = parseScoreArgs(argv);
    const { out, rejects } = outputPaths(args, io.cwd);
    const bar = progressBar(io);
    const inputs = await readScoreInputs(args, io.cwd, ({ file, fraction }) => bar(`loading ${path.basename(file)}`, fraction * 0.3));
    const { bundle, scenario, sites, sitesReport } = inputs;
    const threads = args.threads ?? availableParallelism();
    const pool = threads > 1 ? createNodeKernel({ threads }) : undefined;
    const kernel: SiteKernel = pool ?? createKernel();
    const result = await scoreSites(bundle, scenario, sites, { kernel, onProgress: (stage, f) => bar(stage, 0.3 + 0.65 * f) }).finally(() => pool?.close());
    bar('writing', 0.95);
    const region = bundle.regions ? assignPointsToPolygons(sites.lon, sites.lat, bundle.regions.geometries) : new Int32Array(sites.ids.length).fill(-1);
    const group = args.per === 'region' ? region : args.per === 'district' ? result.parent : new Int32Array(sites.ids.length);
    const groupRank = rankWithinGroups(result, group);
    const byRank = Array.from(result.rank.keys()).sort((a, b) => result.rank[a] - result.rank[b]);
    const rows = args.top !== undefined ? shortlist(result, group, args.top) : args.keptOnly ? byRank.filter((i) => result.kept[i]) : byRank;
    await writeTable(out, siteTable({ result, sites, bundle, region, groupName: args.per, groupRank }), rows);
    await writeRejects(rejects, sitesReport);
    bar('done', 1);

    const placedBy = sites.text.placed_by ?? [];
    const count = (m: string): number => placedBy.filter((p) => p === m).length;
    const summary = {
      ok: sites.ids.length > 0,
      bundle: bundle.name, synthetic: bundle.synthetic, scenario: scenario.name, candidates: sitesReport.file,
      read: sitesReport.read, scored: sites.ids.length, rejected: sitesReport.rejected,
      placed: { coordinates: placedBy.length ? count('coordinates') : sites.ids.length, exact: count('exact'), fuzzy: count('fuzzy') },
      written: rows.length, out, rejects,
      top: byRank.slice(0, 10).map((i) => ({ rank: result.rank[i], id: result.ids[i], name: result.names[i], score: Number(result.score[i].toFixed(2)) })),
      warnings: result.warnings ?? [],
    };
    for (const w of summary.warnings) io.stderr(`siteselect score: note: ${w}\n`);
    if (args.json) io.stdout(JSON.stringify(summary, null, 2) + '\n');
    else {
      const lines = [
        `${bundle.name}${bundle.synthetic && !/synthetic/i.test(bundle.name) ? ' (synthetic)' : ''} — scenario "${scenario.name}"`,
        `${sitesReport.file}: read ${summary.read}, scored ${summary.scored} (coordinates ${summary.placed.coordinates}, exact address ${summary.placed.exact}, fuzzy ${summary.placed.fuzzy}), rejected ${summary.rejected}`,
        `wrote ${rows.length} sites to ${out}`,
        `wrote ${summary.rejected} rejects to ${rejects}`,
        '', 'best sites:',
        ...summary.top.map((t) => `  ${String(t.rank).padStart(4)}  ${t.score.toFixed(2).padStart(6)}  ${t.id}  ${t.name}`),
      ];
      io.stdout(lines.join('\n') + '\n');
    }
    if (sites.ids.length === 0) {
      io.stderr(`siteselect score: no site could be placed; see ${rejects}\n`);
      return EXIT_FAILURE;
    }
    return EXIT_OK;
  },
};

/**
 * `siteselect network matrix`: network costs from every point of one file to every point of
 * another, within --max, as long-format CSV (from, to, value) — the form `optimize --costs` reads.
 */
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import { costMatrix } from '../../network/cost-matrix.ts';
import { Router } from '../../network/router.ts';
import { csvRow } from '../../io/csv-write.ts';
import { refuseClobbering } from '../../node/output-guard.ts';
import { loadHierarchy, readHierarchy } from '../../node/road-graph-cache.ts';
import { BlockWriter } from '../../node/score/block-writer.ts';
import { EXIT_OK, type CliIO } from '../command.ts';
import { GRAPH_OPTIONS, loadGraphFlag, metricFlag, numberFlag, UNIT_OF } from './options.ts';
import { readPointsFile } from './read-points.ts';
import { parseOptions } from '../parse-options.ts';

const OPTIONS = {
  ...GRAPH_OPTIONS,
  from: { type: 'string' },
  to: { type: 'string' },
  metric: { type: 'string' },
  max: { type: 'string' },
  'snap-limit': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/**
 * Unbounded matrices run on the contraction hierarchy when it is cached beside the graph, and are
 * worth building it for from this many origins on: the build (1–2 s of CPU on a city) costs about
 * what 100–150 full searches do (bench/README.md).
 */
const HIERARCHY_FROM_ORIGINS = 200;

export async function runMatrix(args: string[], io: CliIO): Promise<number> {
  const v = parseOptions(args, OPTIONS, 'network matrix');
  if (v.from === undefined || v.to === undefined) throw new UsageError('--from FILE and --to FILE are required (points: id, lon, lat)');
  if (v.out === undefined) throw new UsageError('--out FILE.csv is required');
  const metric = metricFlag(v.metric);
  const unit = UNIT_OF[metric];
  const max = numberFlag('max', v.max);
  const snapLimit = numberFlag('snap-limit', v['snap-limit']);
  const out = path.resolve(io.cwd, v.out);
  await refuseClobbering(
    [{ label: '--from', file: path.resolve(io.cwd, v.from) }, { label: '--to', file: path.resolve(io.cwd, v.to) }, ...(v.osm ? [{ label: '--osm', file: path.resolve(io.cwd, v.osm) }] : [])],
    [{ label: '--out', file: out }],
  );
  const started = performance.now();
  const loaded = await loadGraphFlag(v, io);
  const { graph, fromCache } = loaded;
  const from = await readPointsFile('--from', v.from, io);
  const to = await readPointsFile('--to', v.to, io);
  const router = new Router(graph, metric);
  const progress = io.stderrIsTTY && !v.json ? (done: number, total: number) => io.stderr(`\rrouting ${done} / ${total}   `) : undefined;
  const contracted = max !== undefined ? undefined : from.lon.length >= HIERARCHY_FROM_ORIGINS ? await loadHierarchy(router, loaded) : ((await readHierarchy(router, loaded)) ?? undefined);
  if (contracted?.note) io.stderr(`note: ${contracted.note}\n`);
  const hierarchy = contracted?.hierarchy;
  const costs = costMatrix(router, from, to, { max: max === undefined ? undefined : max / unit.perCost, snapLimit, progress, hierarchy });
  if (progress) io.stderr('\n');
  for (const [flag, layer, missed] of [['--from', from, costs.unsnappedFrom], ['--to', to, costs.unsnappedTo]] as const) {
    if (missed.length > 0) io.stderr(`${missed.length} point(s) of ${flag} farther than ${snapLimit ?? 500} m from every street, no rows: ${missed.slice(0, 10).map((i) => layer.ids[i]).join(', ')}${missed.length > 10 ? ', …' : ''}\n`);
  }
  const writer = await BlockWriter.open(out);
  await writer.write(csvRow(['from', 'to', unit.name]));
  const digits = metric === 'time' ? 3 : 1;
  for (let k = 0; k < costs.value.length; k++) {
    await writer.write(csvRow([from.ids[costs.from[k]], to.ids[costs.to[k]], Number((costs.value[k] * unit.perCost).toFixed(digits))]));
  }
  await writer.close();
  const summary = {
    profile: graph.profile.name, metric, unit: unit.name, from: from.ids.length, to: to.ids.length, pairs: costs.value.length,
    unsnapped_from: costs.unsnappedFrom.length, unsnapped_to: costs.unsnappedTo.length, graph_from_cache: fromCache,
    search: hierarchy ? 'contraction hierarchy' : 'dijkstra',
    ...(contracted ? { hierarchy_from_cache: contracted.fromCache } : {}),
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
  io.stdout(v.json ? JSON.stringify(summary) + '\n' : `${summary.pairs} pairs within ${max ?? 'any'} ${metric === 'time' ? 'min' : 'm'} written to ${v.out} (${summary.seconds} s)\n`);
  return EXIT_OK;
}

/**
 * `siteselect network matrix`: network costs from every point of one file to every point of
 * another, within --max, as long-format CSV (from, to, value) — the form `optimize --costs` reads.
 */
import { UsageError } from '../../errors.ts';
import { writeNetworkMatrix } from '../../node/network-matrix-file.ts';
import { EXIT_OK, type CliIO } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { GRAPH_OPTIONS, graphFlags, metricFlag, numberFlag } from './options.ts';

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

export async function runMatrix(args: string[], io: CliIO): Promise<number> {
  const v = parseOptions(args, OPTIONS, 'network matrix');
  if (v.from === undefined || v.to === undefined) throw new UsageError('--from FILE and --to FILE are required (points: id, lon, lat)');
  if (v.out === undefined) throw new UsageError('--out FILE.csv is required');
  const metric = metricFlag(v.metric);
  const max = numberFlag('max', v.max);
  const request = { ...graphFlags(v), from: v.from, to: v.to, out: v.out, metric, max, snapLimit: numberFlag('snap-limit', v['snap-limit']) };
  const started = performance.now();
  const progress = io.stderrIsTTY && !v.json ? (done: number, total: number) => io.stderr(`\rrouting ${done} / ${total}   `) : undefined;
  const written = await writeNetworkMatrix(request, { cwd: io.cwd, note: io.stderr, progress });
  const summary = { ...written, seconds: Number(((performance.now() - started) / 1000).toFixed(3)) };
  io.stdout(v.json ? JSON.stringify(summary) + '\n' : `${summary.pairs} pairs within ${max ?? 'any'} ${metric === 'time' ? 'min' : 'm'} written to ${v.out} (${summary.seconds} s)\n`);
  return EXIT_OK;
}

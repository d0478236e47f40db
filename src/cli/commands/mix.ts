/**
 * `siteselect mix`: the channel mix — which outlet type where, how many of each, within a budget
 * and the mix rules, and what each new outlet brings. Flags and output; the work is
 * src/node/channel-mix-run.ts.
 */
import { UsageError } from '../../errors.ts';
import { formatNumber } from '../../format/number.ts';
import { runChannelMix } from '../../node/channel-mix-run.ts';
import type { ChannelMixResult } from '../../optimize/channel-mix-problem.ts';
import { summariseMix } from '../../optimize/channel-mix-summary.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { stageProgress } from '../progress-bar.ts';
import { parseOptions } from '../parse-options.ts';
import { USAGE } from '../usage/mix.ts';

const OPTIONS = {
  bundle: { type: 'string' },
  scenario: { type: 'string' },
  budget: { type: 'string' },
  'time-limit': { type: 'string' },
  method: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function positive(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !(x >= 0) || x === Infinity) throw new UsageError(`--${name} needs a number >= 0, got '${v}'`);
  return x;
}

/** Whole numbers in the project's one style (digit groups from five digits on). */
const fmt = (x: number): string => formatNumber(Math.round(x));

function toText(r: ChannelMixResult, notes: string[]): string {
  const table = [
    `  type               new  existing        cost      served       value`,
    ...r.byType.map((t) => `  ${t.type.padEnd(16)} ${String(t.newOutlets).padStart(5)} ${String(t.existingOutlets).padStart(9)} ${fmt(t.cost).padStart(11)} ${fmt(t.served).padStart(11)} ${fmt(t.value).padStart(11)}`),
  ];
  const sites = r.sites.map((s) => `  ${s.id.padEnd(14)} ${s.type.padEnd(16)} cost ${fmt(s.cost).padStart(8)}   within radius ${fmt(s.withinRadius).padStart(8)}   brings ${fmt(s.marginalValue).padStart(8)}`);
  return [
    `channel mix: ${r.exact ? 'exact' : 'heuristic'} (${r.method}, ${r.status})   budget ${fmt(r.budget)}, spent ${fmt(r.spent)}`,
    `served value ${fmt(r.objective)} (existing outlets alone ${fmt(r.baseline)}, new outlets +${fmt(r.objective - r.baseline)})   bound ${fmt(r.bound)}   gap ${(100 * r.gap).toFixed(2)} %`,
    `demand within reach of an outlet: ${fmt(r.served)} of ${fmt(r.totalDemand)} (${((100 * r.served) / Math.max(r.totalDemand, 1e-9)).toFixed(1)} %)`,
    '',
    'by type (served: demand whose best outlet in reach is of this type; value = served × attractiveness):',
    ...table,
    '',
    `new outlets (${r.sites.length}; brings = value lost without it alone):`,
    ...sites,
    ...[...notes, ...r.notes].map((n) => `note: ${n}`),
    `(${r.seconds.toFixed(2)} s)`,
  ].join('\n') + '\n';
}

export const command: Command = {
  usage: USAGE,
  async run(args, io) {
    const v = parseOptions(args, OPTIONS, 'mix');
    const method = v.method ?? 'auto';
    if (method !== 'auto' && method !== 'exact' && method !== 'heuristic') throw new UsageError(`--method must be auto, exact or heuristic (got '${method}')`);
    if (v.bundle === undefined) throw new UsageError('give --bundle DIR (see siteselect mix --help)');
    const timeLimit = positive('time-limit', v['time-limit']);
    const budget = positive('budget', v.budget);
    const onProgress = stageProgress(io, v.json);
    const { result, notes } = await runChannelMix({ bundle: v.bundle, scenario: v.scenario, budget }, io.cwd, { method, timeLimit, onProgress });
    if (onProgress) io.stderr('\n');
    io.stdout(v.json ? JSON.stringify(summariseMix(result, notes)) + '\n' : toText(result, notes));
    return EXIT_OK;
  },
};

/**
 * `siteselect mix`: the channel mix — which outlet type where, how many of each, within a budget
 * and the mix rules, and what each new outlet brings. Flags and output; the work is
 * src/node/channel-mix-run.ts.
 */
import { formatNumber } from '../../format/number.ts';
import { runChannelMix } from '../../node/channel-mix-run.ts';
import type { ChannelMixResult } from '../../optimize/channel-mix-problem.ts';
import { summariseMix } from '../../optimize/channel-mix-summary.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { stageProgress } from '../progress-bar.ts';
import { printSummary } from '../output.ts';
import type { SPEC } from '../usage/mix.ts';

/** Whole numbers in the project's one style (digit groups from five digits on). */
const fmt = (x: number): string => formatNumber(Math.round(x));

function toText(r: ChannelMixResult, notes: string[]): string[] {
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
  ];
}

export const command: Command<typeof SPEC> = {
  async run({ bundle, values: v }, io) {
    const progress = stageProgress(io, v.json);
    const { result, notes } = await runChannelMix({ bundle, scenario: v.scenario, budget: v.budget }, io.cwd, { method: v.method, timeLimit: v['time-limit'], onProgress: progress.onProgress });
    progress.done();
    printSummary(io, v.json, summariseMix(result, notes), () => toText(result, notes));
    return EXIT_OK;
  },
};

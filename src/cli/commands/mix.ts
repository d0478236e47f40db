/**
 * `siteselect mix`: the channel mix — which outlet type where, how many of each, within a budget
 * and the mix rules, and what each new outlet brings. A thin shell over channelMixFromBundle +
 * solveChannelMix.
 */
import path from 'node:path';
import { UsageError } from '../../data/errors.ts';
import { loadBundleDir } from '../../node/load-bundle-dir.ts';
import { channelMixFromBundle } from '../../optimize/channel-mix-from-bundle.ts';
import type { ChannelMixResult } from '../../optimize/channel-mix-problem.ts';
import { summariseMix } from '../../optimize/channel-mix-summary.ts';
import { solveChannelMix } from '../../optimize/channel-mix.ts';
import { locateBundle } from '../bundle-location.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { readScenarioFile } from '../score/read-inputs.ts';

const USAGE = `Usage: siteselect mix --bundle DIR|FILE [--scenario FILE] [--budget N] [--time-limit S] [--method auto|exact|heuristic] [--json]

Channel mix (合理配比): candidates may each open as one outlet of several types (full branch,
self-service, agent …); the run picks the sites and their type within a budget and the mix rules,
maximising the demand served, each demand point counted at the attractiveness of the best outlet
type within that type's radius (a point near a branch of attractiveness 1 counts in full, one
reached only by an ATM of 0.3 counts 0.3 of its weight). The own network counts as existing
outlets of its type (its "type" column).

The scenario (default: scenario.json beside bundle.json) gives each type's cost, radius and
attractiveness in outletTypes, and the mix in channelMix:
  "outletTypes": { "branch": { "radius": 2000, "attractiveness": 1, "cost": 300 },
                   "self-service": { "radius": 500, "attractiveness": 0.3, "cost": 40 } },
  "channelMix": { "budget": 1000, "types": ["branch", "self-service"], "typesColumn": "types",
    "rules": [ { "rule": "count", "type": "branch", "min": 1, "scope": "district" },
               { "rule": "ratio", "type": "branch", "atLeast": 1, "forEvery": 4, "of": "agent" },
               { "rule": "density", "type": "self-service", "max": 2, "perResidents": 10000, "scope": "district" },
               { "rule": "near", "type": "self-service", "of": "branch", "within": 800 } ] }
Rules count existing and new outlets; "scope" is global (default) or district. typesColumn names a
candidate column listing the types a site may host ('branch|agent'; empty: any).

Options:
  --budget N           overrides channelMix.budget
  --time-limit S       wall-clock limit in seconds for HiGHS (on expiry the best mix is reported with its gap)
  --method M           auto (default: the exact MILP up to 500 000 coverage pairs, for at most 120 s
                       unless --time-limit says otherwise; beyond, a greedy that keeps the rules,
                       with a proven bound), exact, heuristic
  --json               one JSON object (schemas/channel-mix-summary.schema.json)

Exit status: 0 solved, 1 solver failure, 2 bad usage or unusable input.`;

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

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

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
    const { dir, manifestPath } = await locateBundle(v.bundle, io.cwd);
    const scenarioFile = v.scenario !== undefined ? path.resolve(io.cwd, v.scenario) : path.join(dir, 'scenario.json');
    const scenario = await readScenarioFile(scenarioFile);
    const bundle = await loadBundleDir(dir, { manifestPath });
    const { problem, notes } = channelMixFromBundle(bundle, scenario, { budget });
    const onProgress = io.stderrIsTTY && !v.json ? (p: { stage: string; fraction: number }) => io.stderr(`\r${p.stage} ${(100 * p.fraction).toFixed(0)} %   `) : undefined;
    const result = await solveChannelMix(problem, { method, timeLimit, onProgress });
    if (onProgress) io.stderr('\n');
    io.stdout(v.json ? JSON.stringify(summariseMix(result, notes)) + '\n' : toText(result, notes));
    return EXIT_OK;
  },
};

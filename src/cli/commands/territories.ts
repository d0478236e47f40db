/**
 * `siteselect territories`: give every own outlet an exclusive territory (nearest or balanced),
 * list the pairs of outlets whose trade areas share demand (窜货), and write the territories as
 * polygons. Flags and output; the work is src/node/territories-run.ts.
 */
import { UsageError } from '../../errors.ts';
import { runTerritories } from '../../node/territories-run.ts';
import type { TerritoryResult } from '../../optimize/territories.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { USAGE } from '../usage/territories.ts';

const OPTIONS = {
  bundle: { type: 'string' },
  radius: { type: 'string' },
  rule: { type: 'string' },
  'conflict-share': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function positive(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const x = Number(v);
  if (v.trim() === '' || !(x > 0) || x === Infinity) throw new UsageError(`--${name} needs a number > 0, got '${v}'`);
  return x;
}

function toText(r: TerritoryResult): string {
  const rows = [...r.territories].sort((a, b) => b.demand - a.demand);
  const line = (t: (typeof rows)[number]) => `  ${t.id.padEnd(12)} ${t.demand.toFixed(0).padStart(10)}  ${(100 * t.share).toFixed(1).padStart(5)} %  ${t.balance.toFixed(2).padStart(5)}`;
  const out = [`${r.territories.length} territories (outlet, demand, share, balance):`, ...rows.slice(0, 5).map(line)];
  if (rows.length > 10) out.push('  …');
  out.push(...rows.slice(Math.max(5, rows.length - 5)).map(line));
  out.push(`${r.conflicts.length} conflicts (trade areas sharing demand)${r.conflicts.length > 0 ? ', largest first:' : ''}`);
  for (const c of r.conflicts.slice(0, 10)) out.push(`  ${c.a} – ${c.b}: ${c.shared.toFixed(0)} shared (${(100 * c.shareOfSmaller).toFixed(0)} % of the smaller trade area)`);
  if (r.unassigned > 0) out.push(`${r.unassigned.toFixed(0)} demand reaches no outlet`);
  return out.join('\n') + '\n';
}

export const command: Command = {
  usage: USAGE,
  async run(args, io) {
    const v = parseOptions(args, OPTIONS, 'territories');
    if (v.bundle === undefined) throw new UsageError('give --bundle DIR (see siteselect territories --help)');
    const rule = v.rule ?? 'nearest';
    if (rule !== 'nearest' && rule !== 'balanced') throw new UsageError(`--rule must be nearest or balanced (got '${rule}')`);
    const tradeRadius = positive('radius', v.radius, 1000);
    const conflictShare = positive('conflict-share', v['conflict-share'], 0.1);
    const { result, out } = await runTerritories(v.bundle, v.out, io.cwd, { tradeRadius, rule, conflictShare });
    if (v.json) {
      const { assignment: _assignment, ...summary } = result;
      io.stdout(JSON.stringify({ rule, radius: tradeRadius, ...summary, out: out ?? null }) + '\n');
    } else io.stdout(toText(result) + (out ? `territories written to ${out}\n` : ''));
    return EXIT_OK;
  },
};

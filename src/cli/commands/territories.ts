/**
 * `siteselect territories`: give every own outlet an exclusive territory (nearest or balanced),
 * list the pairs of outlets whose trade areas share demand (窜货), and write the territories as
 * polygons. Flags and output; the work is src/node/territories-run.ts.
 */
import { runTerritories } from '../../node/territories-run.ts';
import type { TerritoryResult } from '../../optimize/territories.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { printSummary, wrote } from '../output.ts';
import type { SPEC } from '../usage/territories.ts';

function toText(r: TerritoryResult): string[] {
  const rows = [...r.territories].sort((a, b) => b.demand - a.demand);
  const line = (t: (typeof rows)[number]) => `  ${t.id.padEnd(12)} ${t.demand.toFixed(0).padStart(10)}  ${(100 * t.share).toFixed(1).padStart(5)} %  ${t.balance.toFixed(2).padStart(5)}`;
  const out = [`${r.territories.length} territories (outlet, demand, share, balance):`, ...rows.slice(0, 5).map(line)];
  if (rows.length > 10) out.push('  …');
  out.push(...rows.slice(Math.max(5, rows.length - 5)).map(line));
  out.push(`${r.conflicts.length} conflicts (trade areas sharing demand)${r.conflicts.length > 0 ? ', largest first:' : ''}`);
  for (const c of r.conflicts.slice(0, 10)) out.push(`  ${c.a} – ${c.b}: ${c.shared.toFixed(0)} shared (${(100 * c.shareOfSmaller).toFixed(0)} % of the smaller trade area)`);
  if (r.unassigned > 0) out.push(`${r.unassigned.toFixed(0)} demand reaches no outlet`);
  return out;
}

export const command: Command<typeof SPEC> = {
  async run({ bundle, values: v }, io) {
    const { result, out } = await runTerritories(bundle, v.out, io.cwd, { tradeRadius: v.radius, rule: v.rule, conflictShare: v['conflict-share'] });
    const { assignment: _assignment, ...summary } = result;
    printSummary(io, v.json, { rule: v.rule, radius: v.radius, ...summary, out: out ?? null }, () => [...toText(result), ...(out ? [wrote('the territories', out)] : [])]);
    return EXIT_OK;
  },
};

/**
 * Mix rules as linear rows over the option variables y[j·T + t] (candidate j opens as type t):
 * lower <= Σ coef·y <= upper, existing outlets moved into the bounds. The MILP adds these rows as
 * they are; the greedy keeps the same rows satisfied. One translation, two solvers.
 */
import { UsageError } from '../errors.ts';
import { haversine } from '../geo/haversine.ts';
import type { ChannelMixProblem, MixRule } from './channel-mix-problem.ts';

export interface MixRow {
  cols: number[];
  vals: number[];
  lower: number;
  upper: number;
  /** The rule in a planner's words, for messages. */
  text: string;
}

/** Whether candidate j may open as type t. */
export function optionAllowed(problem: ChannelMixProblem, j: number, t: number): boolean {
  if (problem.existingType[j] !== -1) return false;
  return !problem.allowed || problem.allowed[j * problem.types.length + t] === 1;
}

function typeIndex(problem: ChannelMixProblem, name: string, rule: MixRule): number {
  const t = problem.types.findIndex((x) => x.name === name);
  if (t < 0) throw new UsageError(`the ${rule.rule} rule names type '${name}', which is not one of the outlet types (${problem.types.map((x) => x.name).join(', ')})`);
  return t;
}

/** The facility groups a rule applies to: one for 'global', one per district. */
function groups(problem: ChannelMixProblem, scope: 'global' | 'district', rule: MixRule) {
  const m = problem.costs.m;
  if (scope === 'global') {
    let total = problem.totalResidents ?? 0;
    if (problem.totalResidents === undefined) for (const w of problem.costs.weights) total += w;
    return [{ label: 'overall', members: Array.from({ length: m }, (_, j) => j), residents: total }];
  }
  const d = problem.districts;
  if (!d) throw new UsageError(`the ${rule.rule} rule on '${rule.type}' is per district, but there are no districts; add a districts layer or use "scope": "global"`);
  const members: number[][] = d.names.map(() => []);
  for (let j = 0; j < m; j++) if (d.of[j] >= 0) members[d.of[j]].push(j);
  return d.names.map((name, g) => ({ label: `in district '${name}'`, members: members[g], residents: d.residents[g] }));
}

/** Σ over the group of the count of type t: coefficient `coef` on each option, existing outlets into `fixedCount`. */
function addCount(problem: ChannelMixProblem, members: number[], t: number, coef: number, row: { cols: number[]; vals: number[] }): number {
  const T = problem.types.length;
  let existing = 0;
  for (const j of members) {
    if (problem.existingType[j] === t) existing++;
    else if (optionAllowed(problem, j, t)) {
      row.cols.push(j * T + t);
      row.vals.push(coef);
    }
  }
  return coef * existing;
}

function nearRows(problem: ChannelMixProblem, rule: Extract<MixRule, { rule: 'near' }>): MixRow[] {
  const t = typeIndex(problem, rule.type, rule);
  const of = typeIndex(problem, rule.of, rule);
  if (!(rule.within > 0)) throw new UsageError(`the near rule on '${rule.type}' needs "within" > 0 metres, got ${rule.within}`);
  const loc = problem.locations;
  if (!loc) throw new UsageError(`the near rule on '${rule.type}' needs site coordinates; give the problem its locations`);
  const T = problem.types.length;
  const m = problem.costs.m;
  const rows: MixRow[] = [];
  for (let j = 0; j < m; j++) {
    if (!optionAllowed(problem, j, t)) continue;
    const row: MixRow = { cols: [j * T + t], vals: [1], lower: -Infinity, upper: 0, text: `${rule.type} at '${problem.costs.facilityIds[j]}' only within ${rule.within} m of a ${rule.of}` };
    let served = false;
    for (let k = 0; k < m && !served; k++) {
      if (k === j || haversine(loc.lon[j], loc.lat[j], loc.lon[k], loc.lat[k]) > rule.within) continue;
      if (problem.existingType[k] === of) served = true;
      else if (optionAllowed(problem, k, of)) {
        row.cols.push(k * T + of);
        row.vals.push(-1);
      }
    }
    if (!served) rows.push(row);
  }
  return rows;
}

function ruleRows(problem: ChannelMixProblem, rule: MixRule): MixRow[] {
  if (rule.rule === 'near') return nearRows(problem, rule);
  const t = typeIndex(problem, rule.type, rule);
  return groups(problem, rule.scope, rule).map((g) => {
    const row: MixRow = { cols: [], vals: [], lower: -Infinity, upper: Infinity, text: '' };
    if (rule.rule === 'count') {
      const existing = addCount(problem, g.members, t, 1, row);
      if (rule.min !== undefined) row.lower = rule.min - existing;
      if (rule.max !== undefined) row.upper = rule.max - existing;
      row.text = `${rule.min !== undefined ? `at least ${rule.min} ` : ''}${rule.min !== undefined && rule.max !== undefined ? 'and ' : ''}${rule.max !== undefined ? `at most ${rule.max} ` : ''}${rule.type} ${g.label}`;
    } else if (rule.rule === 'ratio') {
      if (!(rule.atLeast > 0 && rule.forEvery > 0)) throw new UsageError(`the ratio rule on '${rule.type}' needs atLeast > 0 and forEvery > 0, got ${rule.atLeast} and ${rule.forEvery}`);
      const of = typeIndex(problem, rule.of, rule);
      const existing = addCount(problem, g.members, t, rule.forEvery, row) + addCount(problem, g.members, of, -rule.atLeast, row);
      row.lower = -existing;
      row.text = `at least ${rule.atLeast} ${rule.type} for every ${rule.forEvery} ${rule.of} ${g.label}`;
    } else {
      if (!(rule.max >= 0 && rule.perResidents > 0)) throw new UsageError(`the density rule on '${rule.type}' needs max >= 0 and perResidents > 0, got ${rule.max} and ${rule.perResidents}`);
      const limit = Math.floor((rule.max * g.residents) / rule.perResidents + 1e-9);
      row.upper = limit - addCount(problem, g.members, t, 1, row);
      row.text = `at most ${rule.max} ${rule.type} per ${rule.perResidents} residents ${g.label} (${g.residents} residents: at most ${limit})`;
    }
    return row;
  });
}

/**
 * Every rule as rows, each checked on its own: a row no choice of sites can meet (the existing
 * outlets already break a maximum, or a district has too few candidates for a minimum) is refused
 * with the rule and the numbers.
 */
export function mixRows(problem: ChannelMixProblem): MixRow[] {
  const rows = problem.rules.flatMap((rule) => ruleRows(problem, rule));
  for (const row of rows) {
    let hi = 0;
    let lo = 0;
    for (const v of row.vals) {
      if (v > 0) hi += v;
      else lo += v;
    }
    if (hi < row.lower - 1e-9) throw new UsageError(`no mix can meet "${row.text}": the candidates there can add at most ${hi} of the ${row.lower} needed; drop or relax the rule, or add candidates`);
    if (lo > row.upper + 1e-9) throw new UsageError(`no mix can meet "${row.text}": the existing outlets already exceed it by ${lo - row.upper}; relax the rule`);
  }
  return rows;
}

/**
 * Two plans side by side (plan A kept, plan B the one being edited): which kept sites enter and
 * leave the shortlist, how the sites in both moved in rank and score, and for one site the points
 * each criterion gives it under each plan. Sites are matched by id, so the two runs may have
 * compared different sites (a district cut differently).
 */
import type { ShortlistEntry } from './funnel-shortlist.ts';
import type { LevelResult } from './types.ts';

export interface PlanSite {
  id: string;
  name: string;
  district: string;
  region: string;
}

export interface PlanMove extends PlanSite {
  rankA: number;
  rankB: number;
  scoreA: number;
  scoreB: number;
}

export interface PlanDiff {
  /** Kept in B, not in A, in B's order. */
  entering: (PlanSite & { rank: number; score: number })[];
  /** Kept in A, not in B, in A's order. */
  leaving: (PlanSite & { rank: number; score: number })[];
  /** Kept in both, in B's order, with their overall rank and score under each plan. */
  both: PlanMove[];
}

const site = (e: ShortlistEntry): PlanSite => ({ id: e.id, name: e.name, district: e.district, region: e.region });

export function comparePlans(a: readonly ShortlistEntry[], b: readonly ShortlistEntry[]): PlanDiff {
  const inA = new Map(a.map((e) => [e.id, e]));
  const inB = new Set(b.map((e) => e.id));
  const entering = b.filter((e) => !inA.has(e.id)).map((e) => ({ ...site(e), rank: e.rank, score: e.score }));
  const leaving = a.filter((e) => !inB.has(e.id)).map((e) => ({ ...site(e), rank: e.rank, score: e.score }));
  const both = b.flatMap((e) => {
    const was = inA.get(e.id);
    return was ? [{ ...site(e), rankA: was.rank, rankB: e.rank, scoreA: was.score, scoreB: e.score }] : [];
  });
  return { entering, leaving, both };
}

export interface CriterionDelta {
  criterion: string;
  label: string;
  /** Points under plan A / B (NaN where the plan has no such criterion or site). */
  pointsA: number;
  pointsB: number;
}

/** The points each criterion gives site `id` under plan A and plan B (criteria of both, B's order first). */
export function criterionDeltas(a: LevelResult, b: LevelResult, id: string): CriterionDelta[] {
  const ia = a.ids.indexOf(id);
  const ib = b.ids.indexOf(id);
  const names = [...b.criteria.map((c) => c.name), ...a.criteria.map((c) => c.name).filter((n) => !b.criteria.some((c) => c.name === n))];
  return names.map((name) => {
    const ca = a.criteria.find((c) => c.name === name);
    const cb = b.criteria.find((c) => c.name === name);
    return {
      criterion: name,
      label: cb?.label || ca?.label || name,
      pointsA: ca && ia >= 0 ? ca.contribution[ia] : NaN,
      pointsB: cb && ib >= 0 ? cb.contribution[ib] : NaN,
    };
  });
}

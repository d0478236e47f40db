/**
 * Where the planner is in the funnel: All (regions) → one region (its districts) → one district
 * (its sites). Indices point into the FunnelResult levels; -1 means "not chosen".
 */
import type { FunnelResult, LevelResult } from '../engine-api.ts';

export interface DrillPath {
  region: number;
  district: number;
}

export const TOP: DrillPath = { region: -1, district: -1 };

export type LevelName = 'region' | 'district' | 'site';

export function levelOf(path: DrillPath): LevelName {
  if (path.region < 0) return 'region';
  return path.district < 0 ? 'district' : 'site';
}

/** The level shown at this path and the parent filter for its units (-1 = all). */
export function shownLevel(funnel: FunnelResult, path: DrillPath): { level: LevelResult; parent: number } {
  switch (levelOf(path)) {
    case 'region':
      return { level: funnel.regions, parent: -1 };
    case 'district':
      return { level: funnel.districts, parent: path.region };
    case 'site':
      return { level: funnel.sites, parent: path.district };
  }
}

/** One step down from the shown level into `unit`; sites are the bottom (no step). */
export function drillInto(path: DrillPath, unit: number): DrillPath | null {
  if (path.region < 0) return { region: unit, district: -1 };
  if (path.district < 0) return { region: path.region, district: unit };
  return null;
}

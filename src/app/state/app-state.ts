/**
 * What the page remembers: the language, the scenario, where the planner is in the funnel, what is
 * selected and which point layers show. Everything else (loaded data, scores) is derived from it.
 */
import type { Scenario } from '../engine-api.ts';
import type { Lang } from '../i18n/i18n.ts';
import { POINT_LAYERS, type PointLayerKey } from '../worker/messages.ts';
import { TOP, type DrillPath } from './drill-path.ts';

export interface AppState {
  lang: Lang;
  scenario: Scenario | null;
  path: DrillPath;
  /** Unit index in the shown level, -1 none. */
  selected: number;
  toggles: Record<PointLayerKey, boolean>;
  /** The right column: the shown level's ranking, the funnel's shortlist of kept sites, or two plans compared. */
  view: TableView;
}

export const TABLE_VIEWS = ['ranking', 'shortlist', 'compare'] as const;
export type TableView = (typeof TABLE_VIEWS)[number];

export function initialState(): AppState {
  const toggles = Object.fromEntries(POINT_LAYERS.map((k) => [k, k === 'competitors' || k === 'network'])) as Record<PointLayerKey, boolean>;
  return { lang: 'en', scenario: null, path: { ...TOP }, selected: -1, toggles, view: 'ranking' };
}

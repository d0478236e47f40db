/**
 * The unit of a criterion's raw value at a level, in words (English, Chinese), and how to write a
 * value in it: shares as percentages, distances in whole metres, counts and people in digit groups,
 * others to three significant digits. One place for the page, its exports and the report.
 */
import { group } from '../format/number.ts';
import type { CriterionSpec, Level } from '../scenario/criterion-spec.ts';

export type UnitLang = 'en' | 'zh';

export interface MeasureUnit {
  en: string;
  zh: string;
  /** Multiply the raw value by this before showing it (100 for shares shown as %). */
  scale: number;
  /** Decimals for the scaled value, or undefined for three significant digits. */
  decimals?: number;
}

const u = (en: string, zh: string, scale = 1, decimals?: number): MeasureUnit => ({ en, zh, scale, ...(decimals !== undefined ? { decimals } : {}) });
const PEOPLE = (column: string): MeasureUnit => (column === 'population' ? u('people', '人', 1, 0) : u(column, column, 1, 0));
const SHARE = u('%', '%', 100, 1);
const METRES = u('m', '米', 1, 0);

/** `name` names context terms (context_district, context_region), which have no spec. */
export function criterionUnit(spec: CriterionSpec | undefined, name: string, level: Level): MeasureUnit {
  if (!spec) return name.startsWith('context_') ? u('score 0–100', '得分 0–100', 1, 1) : u('', '');
  const site = level === 'site';
  switch (spec.kind) {
    case 'demand':
      if (site || spec.areal === 'total') return PEOPLE(spec.column);
      return spec.column === 'population' ? u('people/km²', '人/平方公里', 1, 0) : u(`${spec.column}/km²`, `${spec.column}/平方公里`, 1, 0);
    case 'competition':
      if (spec.measure === 'concentration') return u('HHI 0–1', 'HHI 0–1', 1, 3);
      if (spec.measure === 'nearest' && site) return METRES;
      if (!site) return u('per 10 000 residents', '每万居民', 1, 2);
      return spec.weightByAttractiveness ? u('competitors (weighted)', '竞争网点（加权）') : u('competitors', '竞争网点', 1, 0);
    case 'huff_share':
      return site ? PEOPLE(spec.column) : SHARE;
    case 'cannibalisation':
      return site ? PEOPLE(spec.column) : u('% of demand in 2+ trade areas', '% 需求处于 2 个以上商圈', 100, 1);
    case 'agglomeration':
      return site ? u('POIs (weighted)', '兴趣点（加权）') : u('POIs/km² (weighted)', '兴趣点/平方公里（加权）');
    case 'access':
      if (site && spec.measure === 'nearest_metro') return METRES;
      return site ? u('stops (weighted)', '站点（加权）') : u('stops/km² (weighted)', '站点/平方公里（加权）');
    case 'coverage_gap':
      return site ? PEOPLE(spec.column) : u('% of demand uncovered', '% 需求未覆盖', 100, 1);
    case 'network_norm':
      return u('residents per outlet', '居民/网点', 1, 0);
    case 'forecast_net':
      return u('observed unit', '观测单位');
    case 'attribute':
      return u(spec.unit ?? spec.column, spec.unit ?? spec.column);
  }
}

/** Three significant digits, digit groups of three above 9 999 ("103 590"). */
function significant(v: number): string {
  const a = Math.abs(v);
  const decimals = a === 0 || a >= 100 ? 0 : Math.max(0, Math.min(4, 2 - Math.floor(Math.log10(a))));
  return group(v.toFixed(decimals));
}

/** A raw value in its unit's rounding ('–' when missing); the unit itself is not appended. */
export function formatMeasure(v: number, unit: MeasureUnit): string {
  if (!Number.isFinite(v)) return '–';
  const x = v * unit.scale;
  return unit.decimals === undefined ? significant(x) : group(x.toFixed(unit.decimals));
}

/**
 * A not-kept reason in plain words, English or Chinese: the one formatter the page, the CSV and the
 * report use. Metres are whole; other values in digit groups ("103 590").
 */
import { formatNumber } from '../format/number.ts';
import type { NotKept } from './not-kept.ts';

export type ReasonLang = 'en' | 'zh';

const m = (metres: number): string => formatNumber(Math.round(metres));
const v = (x: number): string => formatNumber(Math.round(x * 100) / 100);

/** Attribute columns with a name in Chinese; others are shown as named in the data. */
const COLUMN_ZH: Record<string, string> = { rent: '租金', floor_area: '面积', area: '面积', cost: '成本' };

export function formatNotKept(reason: NotKept | null, lang: ReasonLang = 'en'): string {
  if (!reason) return '';
  return lang === 'zh' ? zh(reason) : en(reason);
}

function en(r: NotKept): string {
  switch (r.kind) {
    case 'rank':
      return `cut: rank ${r.rank} of ${r.of}, top ${r.topK} kept`;
    case 'min-score':
      return `score ${r.score.toFixed(1)} below the minimum ${v(r.minimum)}`;
    case 'near-own':
      return `${m(r.metres)} m from own outlet ${r.outlet} (minimum ${m(r.minimum)} m)`;
    case 'spacing':
      return `within ${m(r.minimum)} m of kept site ${r.site} (${m(r.metres)} m)`;
    case 'group-cap':
      return `region cap of ${r.limit} reached${r.group ? ` (${r.group})` : ''}`;
    case 'above-max':
      return `${r.column} ${v(r.value)} above the maximum ${v(r.maximum)}`;
    case 'below-min':
      return `${r.column} ${v(r.value)} below the minimum ${v(r.minimum)}`;
    case 'no-value':
      return `no ${r.column} value (${r.bound} ${v(r.limit)})`;
    case 'excluded-area':
      return `inside excluded area ${r.area}`;
    case 'filtered':
      return `filtered out by: ${r.predicate}`;
    case 'not-eligible':
      return r.text || 'fails a constraint';
  }
}

function zh(r: NotKept): string {
  const col = (c: string): string => COLUMN_ZH[c] ?? c;
  switch (r.kind) {
    case 'rank':
      return `落选：排名第 ${r.rank} / ${r.of}，保留前 ${r.topK}`;
    case 'min-score':
      return `得分 ${r.score.toFixed(1)} 低于最低分 ${v(r.minimum)}`;
    case 'near-own':
      return `距自有网点 ${r.outlet} ${m(r.metres)} 米（至少 ${m(r.minimum)} 米）`;
    case 'spacing':
      return `距已保留地点 ${r.site} 不足 ${m(r.minimum)} 米（${m(r.metres)} 米）`;
    case 'group-cap':
      return `地域名额 ${r.limit} 已满${r.group ? `（${r.group}）` : ''}`;
    case 'above-max':
      return `${col(r.column)} ${v(r.value)} 高于上限 ${v(r.maximum)}`;
    case 'below-min':
      return `${col(r.column)} ${v(r.value)} 低于下限 ${v(r.minimum)}`;
    case 'no-value':
      return `缺少${col(r.column)}数值（${r.bound === 'maximum' ? '上限' : '下限'} ${v(r.limit)}）`;
    case 'excluded-area':
      return `位于排除区域 ${r.area} 内`;
    case 'filtered':
      return `被筛选条件排除：${r.predicate}`;
    case 'not-eligible':
      return r.text || '不满足约束条件';
  }
}

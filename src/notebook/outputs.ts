/**
 * What a cell shows, as plain data: the same outputs feed the live page and the HTML report.
 * `display(value)` picks the form from the value: text, a table (arrays of objects, a scored level,
 * a record of numbers), or a chart (an element made by Plot).
 */
import { formatValue } from './format.ts';

export type TableValue = string | number | boolean | null;

export type Output =
  | { kind: 'text'; text: string }
  | { kind: 'markdown'; markdown: string }
  | { kind: 'table'; caption: string; columns: string[]; rows: TableValue[][]; total: number }
  | { kind: 'plot'; caption: string; markup: string }
  | ErrorOutput;

export interface ErrorOutput {
  kind: 'error';
  name: string;
  message: string;
  /** 1-based line and column in the notebook file, when known. */
  line?: number;
  column?: number;
}

export interface DisplayOptions {
  /** Shown above a table or chart. */
  caption?: string;
  /** Most rows a table shows (the total is still reported). */
  limit?: number;
}

/** Structural view of a scored level (src/score/types.ts LevelResult), so any level result displays as a ranked table. */
interface LevelLike {
  level: string;
  ids: string[];
  names: string[];
  score: Float64Array;
  rank: Int32Array;
  kept: Uint8Array;
  criteria: { label: string; raw: Float64Array }[];
}

function isLevel(v: object): v is LevelLike {
  const o = v as Partial<LevelLike>;
  return typeof o.level === 'string' && Array.isArray(o.ids) && o.score instanceof Float64Array && o.rank instanceof Int32Array && Array.isArray(o.criteria);
}

function isElement(v: object): v is { outerHTML: string; tagName: string } {
  const o = v as { outerHTML?: unknown; tagName?: unknown };
  return typeof o.outerHTML === 'string' && typeof o.tagName === 'string';
}

/** Prose made by md`…`: displayed as Markdown rather than as a string. */
export class Markdown {
  constructor(readonly markdown: string) {}
}

export function toOutput(value: unknown, options: DisplayOptions = {}): Output {
  const caption = options.caption ?? '';
  if (value === null || typeof value !== 'object') return { kind: 'text', text: formatValue(value) };
  if (value instanceof Markdown) return { kind: 'markdown', markdown: value.markdown };
  if (value instanceof Error) return { kind: 'error', name: value.name, message: value.message };
  if (isElement(value)) return { kind: 'plot', caption, markup: value.outerHTML };
  if (isLevel(value)) return levelTable(value, caption, options.limit ?? 15);
  if (Array.isArray(value)) {
    const rows: unknown[] = value;
    if (rows.length > 0 && rows.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
      return recordsTable(rows as Record<string, unknown>[], caption, options.limit ?? 25);
    }
    return { kind: 'text', text: `[${rows.map(formatValue).join(', ')}]` };
  }
  if (ArrayBuffer.isView(value)) return { kind: 'text', text: formatValue(value) };
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([, v]) => v === null || typeof v !== 'object')) {
    return { kind: 'table', caption, columns: ['', 'value'], rows: entries.map(([k, v]) => [k, cell(v)]), total: entries.length };
  }
  return { kind: 'text', text: formatValue(value) };
}

function cell(v: unknown): TableValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return formatValue(v);
}

function recordsTable(records: Record<string, unknown>[], caption: string, limit: number): Output {
  const columns: string[] = [];
  for (const r of records.slice(0, 100)) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const rows = records.slice(0, limit).map((r) => columns.map((c) => cell(r[c])));
  return { kind: 'table', caption, columns, rows, total: records.length };
}

/** A level as its ranking: best first, with each criterion's raw value so the score can be read. */
function levelTable(level: LevelLike, caption: string, limit: number): Output {
  const order = Array.from(level.ids.keys()).sort((a, b) => level.rank[a] - level.rank[b]);
  const columns = ['rank', 'id', 'name', 'score', 'kept', ...level.criteria.map((c) => c.label)];
  const rows = order.slice(0, limit).map((i) => [
    level.rank[i],
    level.ids[i],
    level.names[i] ?? '',
    level.score[i],
    level.kept[i] ? 'yes' : 'no',
    ...level.criteria.map((c) => c.raw[i]),
  ]);
  return { kind: 'table', caption: caption || `${level.level} ranking`, columns, rows, total: level.ids.length };
}

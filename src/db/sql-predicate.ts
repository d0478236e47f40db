/**
 * A planner's SQL filter (`rent < 50000 AND floor_area > 120`) checked before DuckDB sees it: it
 * must be one expression over the candidates' columns, so it is read token by token against a
 * list of what an expression may hold. No `;`, no comments, no casts to other syntax, no
 * statement words (SELECT, COPY, ATTACH …) and only plain scalar functions: a table function such
 * as read_csv could read files, so anything not on the list is refused by name.
 */
import { UsageError } from '../errors.ts';

/** Words an expression may use besides column names. */
const KEYWORDS = new Set(['and', 'or', 'not', 'is', 'null', 'true', 'false', 'between', 'in', 'like', 'ilike', 'case', 'when', 'then', 'else', 'end']);

/** Scalar functions allowed (called with parentheses); each reads only its arguments. */
export const FILTER_FUNCTIONS: readonly string[] = [
  'abs', 'round', 'floor', 'ceil', 'sqrt', 'ln', 'log10', 'least', 'greatest', 'coalesce', 'nullif',
  'lower', 'upper', 'length', 'trim', 'starts_with', 'ends_with', 'contains', 'isnan', 'isfinite',
];
const FUNCTIONS = new Set(FILTER_FUNCTIONS);

/** Statement words, named in the message so the planner sees why. */
const STATEMENTS = new Set(['select', 'with', 'insert', 'update', 'delete', 'create', 'drop', 'alter', 'copy', 'attach', 'detach',
  'install', 'load', 'pragma', 'set', 'call', 'export', 'import', 'use', 'vacuum', 'checkpoint', 'describe', 'show', 'summarize', 'union', 'into', 'table']);

const TOKEN = /\s+|(?<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?<string>'(?:[^']|'')*')|(?<quoted>"(?:[^"]|"")+")|(?<word>[A-Za-z_][A-Za-z0-9_]*)|(?<op><=|>=|<>|!=|==|\|\||[<>=+\-*/%(),])/y;

/**
 * Checks `predicate` against the columns that exist; returns it trimmed. Throws UsageError with the
 * problem and the fix (an unknown column is named with the columns there are).
 */
export function checkSqlPredicate(predicate: string, columns: readonly string[]): string {
  const text = predicate.trim();
  if (text === '') throw new UsageError('the SQL filter is empty: write a condition such as rent < 50000 AND floor_area > 120');
  const known = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const unknownColumn = (name: string): UsageError =>
    new UsageError(`unknown column "${name}" in the SQL filter; the candidates have: ${columns.join(', ')}`);
  let depth = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (match === null) throw new UsageError(`the SQL filter cannot contain ${describe(text.slice(at))} (at character ${at + 1}): write one condition over the candidates' columns, e.g. rent < 50000`);
    const { word, quoted, op } = match.groups ?? {};
    if (op === '(') depth++;
    if (op === ')' && --depth < 0) throw new UsageError(`the SQL filter has a ")" without its "(" (at character ${at + 1})`);
    if ((op === '-' && text[TOKEN.lastIndex] === '-') || (op === '/' && text[TOKEN.lastIndex] === '*')) throw new UsageError(`the SQL filter cannot contain a comment (${op}${text[TOKEN.lastIndex]})`);
    if (quoted !== undefined) {
      if (/^\s*\(/.test(text.slice(TOKEN.lastIndex))) throw new UsageError(`the SQL filter cannot call ${quoted}(): call functions by their plain name`);
      const name = quoted.slice(1, -1).replaceAll('""', '"');
      if (!known.has(name.toLowerCase())) throw unknownColumn(name);
    }
    if (word === undefined) continue;
    const lower = word.toLowerCase();
    const call = /^\s*\(/.test(text.slice(TOKEN.lastIndex));
    if (STATEMENTS.has(lower)) throw new UsageError(`the SQL filter is one condition, not a statement: "${word}" is not allowed; write e.g. rent < 50000 AND floor_area > 120`);
    if (lower === 'from') throw new UsageError('the SQL filter cannot read other tables (FROM): write a condition over the candidates\' columns');
    if (KEYWORDS.has(lower)) continue;
    if (call) {
      if (!FUNCTIONS.has(lower)) throw new UsageError(`the SQL filter cannot call ${word}(): only ${FILTER_FUNCTIONS.join(', ')} are allowed (functions that read files or tables are not)`);
      continue;
    }
    if (!known.has(lower)) throw unknownColumn(word);
  }
  if (depth !== 0) throw new UsageError('the SQL filter has a "(" that is not closed');
  return text;
}

function describe(rest: string): string {
  if (rest.startsWith(';')) return 'a ";" (one condition only, no statements)';
  if (rest.startsWith('/*')) return 'a comment (/*)';
  if (rest.startsWith('::')) return 'a cast (::); use the column as it is';
  if (rest.startsWith("'")) return 'a string that is not closed';
  return `"${rest[0]}"`;
}

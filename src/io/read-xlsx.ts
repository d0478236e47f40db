/**
 * Excel workbook (.xlsx) → RawTable: the first sheet, or the one bundle.json names in "sheet";
 * the first non-empty row is the header, and the columns then go through the same detection as a
 * CSV's (lon/lat, 经度/纬度, WKT, addresses). Cells keep their type (numbers stay numbers, shared
 * and inline strings are text, booleans true/false). An .xlsx is a zip of regular XML written by
 * machines, so it is read here with fflate (already used for GTFS) and a small scanner: exceljs
 * pulls Node-only streams and archivers into the page, and the npm `xlsx` (0.18.5) is the stale,
 * unpatched SheetJS release.
 */
import { unzipSync } from 'fflate';
import { BundleError } from '../errors.ts';
import type { RawTable, RawValue } from './raw-table.ts';

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITY[e] ?? m;
  });
}

/** The text of every <t> inside `xml` (rich-text runs joined), phonetic hints (<rPh>) left out. */
function textOf(xml: string): string {
  const plain = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return unescapeXml(out);
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m === null ? undefined : unescapeXml(m[1]);
}

/** "BC12" → 54 (0-based column index). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

function cellValue(type: string | undefined, inner: string, shared: string[]): RawValue {
  if (type === 'inlineStr') return textOf(inner);
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  if (type === 's') return shared[Number(v)] ?? null;
  if (type === 'b') return v === '1';
  if (type === 'str' || type === 'e' || type === 'd') return unescapeXml(v);
  const n = Number(v);
  return Number.isFinite(n) ? n : unescapeXml(v);
}

/** Sheet name → path of its XML inside the zip, in workbook order. */
function sheetPaths(workbook: string, rels: string): { name: string; path: string }[] {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const out: { name: string; path: string }[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? /\s\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const path = rid !== undefined ? targets.get(rid) : undefined;
    if (name !== undefined && path !== undefined) out.push({ name, path });
  }
  return out;
}

export function readXlsx(file: string, bytes: Uint8Array, opts: { sheet?: string } = {}): RawTable {
  if (bytes.length === 0) throw new BundleError(file, `${file} is empty (0 bytes); save the workbook again.`);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/.test(f.name) });
  } catch (err) {
    throw new BundleError(file, `${file} is not a readable .xlsx workbook (${err instanceof Error ? err.message : String(err)}); save it again from Excel as .xlsx.`, { cause: err });
  }
  const text = (name: string): string | undefined => (entries[name] ? new TextDecoder('utf-8').decode(entries[name]) : undefined);
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) {
    throw new BundleError(file, `${file} is a zip but not an Excel workbook (no xl/workbook.xml); save it from Excel as .xlsx (an .xls file must be saved as .xlsx first).`);
  }
  const sheets = sheetPaths(workbook, rels);
  const sheet = opts.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === opts.sheet);
  if (sheet === undefined) {
    throw new BundleError(file, `${file} has no sheet named '${opts.sheet ?? ''}' (its sheets are ${sheets.map((s) => `'${s.name}'`).join(', ')}); fix "sheet" in bundle.json.`);
  }
  const xml = text(sheet.path);
  if (xml === undefined) throw new BundleError(file, `${file}: sheet '${sheet.name}' is missing from the workbook; save it again from Excel.`);
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) => textOf(m[1]));

  // Rows as sparse arrays of cells; rows and cells without r= follow the previous one.
  const rows: RawValue[][] = [];
  let rowNumber = 0;
  for (const rm of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = attr(rm[1], 'r');
    rowNumber = r !== undefined ? Number(r) : rowNumber + 1;
    const cells: RawValue[] = [];
    let col = -1;
    for (const cm of (rm[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = attr(cm[1], 'r');
      col = ref !== undefined ? columnIndex(ref) : col + 1;
      cells[col] = cellValue(attr(cm[1], 't'), cm[2] ?? '', shared);
    }
    rows[rowNumber - 1] = cells;
  }
  const filled = (row: RawValue[] | undefined): boolean => row !== undefined && row.some((v) => v !== null && v !== undefined && v !== '');
  const headerAt = rows.findIndex(filled);
  if (headerAt < 0) throw new BundleError(file, `${file}: sheet '${sheet.name}' is empty; put the table on the first sheet or name its sheet in "sheet" in bundle.json.`);
  const header = rows[headerAt];
  const body: RawValue[][] = [];
  for (let i = headerAt + 1; i < rows.length; i++) if (filled(rows[i])) body.push(rows[i]);
  if (body.length === 0) throw new BundleError(file, `${file}: sheet '${sheet.name}' has a header but no data rows; add the rows or name another sheet in "sheet".`);
  const width = Math.max(header.length, ...body.map((r) => r.length));
  const columns: string[] = [];
  const values: Record<string, RawValue[]> = {};
  for (let c = 0; c < width; c++) {
    const name = header[c] === null || header[c] === undefined ? '' : String(header[c]).trim();
    let key = name === '' ? `column_${c + 1}` : name;
    while (key in values) key += '_';
    columns.push(key);
    values[key] = body.map((row) => row[c] ?? null);
  }
  return { file, columns, values, rowCount: body.length, notes: [`Excel sheet '${sheet.name}': ${body.length} rows (header in row ${headerAt + 1}, blank rows skipped)`] };
}

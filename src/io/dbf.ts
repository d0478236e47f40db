/**
 * dBASE (.dbf) attribute tables of Shapefiles: character, numeric, float, logical and date fields.
 * Text is decoded with the encoding the .cpg names, else the language-driver byte's (GBK for
 * 0x4D/0x7A …), else UTF-8 — falling back to GB18030 when the bytes are not UTF-8.
 */
import type { RawValue } from './raw-table.ts';

export interface DbfTable {
  columns: string[];
  values: Record<string, RawValue[]>;
  rowCount: number;
  /** The text encoding used, for the report's notes. */
  encoding: string;
  /** Records marked deleted (skipped). */
  deleted: number;
}

/** dBASE language-driver ids of Chinese code pages. */
const DRIVER_ENCODING: Record<number, string> = { 0x4d: 'gbk', 0x7a: 'gbk', 0x4f: 'big5', 0x78: 'big5' };

/** A .cpg label ("UTF-8", "GBK", "936", "CP936", "ANSI 1252" …) as a TextDecoder label. */
export function cpgEncoding(cpg: string): string | undefined {
  const label = cpg.trim().toLowerCase().replace(/^ansi\s*/, '');
  const byCodePage: Record<string, string> = { '936': 'gbk', cp936: 'gbk', '950': 'big5', '65001': 'utf-8', '1252': 'windows-1252', '54936': 'gb18030' };
  const name = byCodePage[label] ?? label;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return undefined;
  }
}

function decoderFor(bytes: Uint8Array, headerEnd: number, cpg: string | undefined): TextDecoder {
  const named = cpg !== undefined ? cpgEncoding(cpg) : undefined;
  if (named !== undefined) return new TextDecoder(named);
  const driver = DRIVER_ENCODING[bytes[29]];
  if (driver !== undefined) return new TextDecoder(driver);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(headerEnd));
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('gb18030');
  }
}

export function parseDbf(bytes: Uint8Array, cpg?: string): DbfTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 32) throw new Error('the .dbf file is shorter than its header');
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  // Field names are text too: a GBK file's Chinese names (人口) need the same decoder as its cells.
  const decoder = decoderFor(bytes, headerLength, cpg);
  const ascii = new TextDecoder('latin1');
  const fields: { name: string; type: string; offset: number; length: number }[] = [];
  let offset = 1; // the deletion flag
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const rawName = bytes.subarray(at, at + 11);
    const nul = rawName.indexOf(0);
    const name = decoder.decode(nul < 0 ? rawName : rawName.subarray(0, nul)).trim();
    fields.push({ name, type: String.fromCharCode(bytes[at + 11]), offset, length: bytes[at + 16] });
    offset += bytes[at + 16];
  }
  const columns: string[] = [];
  const values: Record<string, RawValue[]> = {};
  for (const f of fields) {
    let key = f.name === '' ? `column_${columns.length + 1}` : f.name;
    while (key in values) key += '_';
    f.name = key;
    columns.push(key);
    values[key] = [];
  }
  let deleted = 0;
  let rowCount = 0;
  for (let r = 0; r < records; r++) {
    const at = headerLength + r * recordLength;
    if (at + recordLength > bytes.length) break;
    if (bytes[at] === 0x2a) {
      deleted++;
      continue;
    }
    rowCount++;
    for (const f of fields) {
      const cell = bytes.subarray(at + f.offset, at + f.offset + f.length);
      values[f.name].push(cellValue(f.type, cell, f.type === 'C' ? decoder : ascii));
    }
  }
  return { columns, values, rowCount, encoding: decoder.encoding, deleted };
}

function cellValue(type: string, cell: Uint8Array, decoder: TextDecoder): RawValue {
  const text = decoder.decode(cell).replace(/\0+$/, '').trim();
  if (text === '' || /^\*+$/.test(text)) return null;
  if (type === 'N' || type === 'F') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'L') return /^[TtYy]$/.test(text) ? true : /^[FfNn]$/.test(text) ? false : null;
  if (type === 'D' && /^\d{8}$/.test(text)) return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  return text;
}

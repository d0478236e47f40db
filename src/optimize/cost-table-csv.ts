/**
 * Reads a long-format cost table from CSV text (RFC 4180 quoting, comma/semicolon/tab sniffed
 * from the header) into a RawTable. Small and self-contained so the optimiser's table door
 * works without the bundle loader.
 */
import { BundleError } from '../data/errors.ts';
import type { RawTable, RawValue } from '../io/raw-table.ts';

function splitRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) { record.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export function costTableFromCsv(file: string, text: string): RawTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const header = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best), ',');
  const records = splitRecords(body, delimiter);
  if (records.length < 2) throw new BundleError(file, `${file} has no data rows; give a CSV with a header and one row per origin–destination pair`);
  const columns = records[0].map((c) => c.trim());
  const values: Record<string, RawValue[]> = {};
  for (const c of columns) values[c] = [];
  for (let r = 1; r < records.length; r++) {
    columns.forEach((c, k) => values[c].push(records[r][k] ?? null));
  }
  return { file, columns, values, rowCount: records.length - 1, notes: [] };
}

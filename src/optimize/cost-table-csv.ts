/**
 * Reads a long-format cost table from CSV text (RFC 4180 quoting, comma/semicolon/tab sniffed
 * from the header). Small and self-contained so the optimiser's table door works without the
 * bundle loader. `costsFromCsv` streams the rows straight into typed arrays (a million pairs hold
 * no string per pair); `costTableFromCsv` gives the RawTable the table door also takes.
 */
import { BundleError } from '../errors.ts';
import type { Reject } from '../data/layer.ts';
import type { RawTable, RawValue } from '../io/raw-table.ts';
import { CostPairsBuilder, type CostColumnNames } from './cost-pairs-builder.ts';
import type { FacilityCosts } from './problem.ts';

/** Calls `onRecord` with each record's fields (header first); blank lines are skipped. */
function forEachRecord(text: string, delimiter: string, onRecord: (fields: string[]) => void): void {
  const d = delimiter.charCodeAt(0);
  let record: string[] = [];
  let i = 0;
  const len = text.length;
  while (i <= len) {
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      let out = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) { out += text.slice(from); i = len; break; }
        out += text.slice(from, q);
        if (text.charCodeAt(q + 1) === 34) { out += '"'; from = q + 2; continue; }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, as the old reader did.
      let e = i;
      while (e < len && text.charCodeAt(e) !== d && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
      field = out + text.slice(i, e);
      i = e;
    } else {
      let e = i;
      while (e < len) {
        const c = text.charCodeAt(e);
        if (c === d || c === 10 || c === 13) break;
        e++;
      }
      field = text.slice(i, e);
      i = e;
    }
    record.push(field);
    const c = text.charCodeAt(i);
    if (c === d) { i++; continue; }
    // End of record: newline (\r\n, \n or \r) or end of text.
    if (record.length > 1 || record[0] !== '') onRecord(record);
    record = [];
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    i++;
  }
}

function prepare(file: string, text: string): { body: string; delimiter: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const header = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (header.split(d).length > header.split(best).length ? d : best), ',');
  if (body.trim() === '') throw new BundleError(file, `${file} is empty; give a CSV with a header and one row per origin–destination pair`);
  return { body, delimiter };
}

export function costTableFromCsv(file: string, text: string): RawTable {
  const { body, delimiter } = prepare(file, text);
  let columns: string[] | null = null;
  const values: Record<string, RawValue[]> = {};
  let rowCount = 0;
  forEachRecord(body, delimiter, (fields) => {
    if (columns === null) {
      columns = fields.map((c) => c.trim());
      for (const c of columns) values[c] = [];
      return;
    }
    columns.forEach((c, k) => values[c].push(fields[k] ?? null));
    rowCount++;
  });
  if (columns === null || rowCount === 0) throw new BundleError(file, `${file} has no data rows; give a CSV with a header and one row per origin–destination pair`);
  return { file, columns, values, rowCount, notes: [] };
}

/** The CSV straight into FacilityCosts: numbers parsed as they come, ids interned once. */
export function costsFromCsv(file: string, text: string, cols: CostColumnNames): { costs: FacilityCosts; rejects: Reject[] } {
  const { body, delimiter } = prepare(file, text);
  let at: number[] | null = null;
  let row = 0;
  let builder: CostPairsBuilder | null = null;
  forEachRecord(body, delimiter, (fields) => {
    if (at === null) {
      const header = fields.map((c) => c.trim());
      at = [cols.origin, cols.destination, cols.cost, cols.weight].map((name, k) => {
        const index = header.indexOf(name);
        const role = ['origin', 'destination', 'cost', 'weight'][k];
        if (index < 0) throw new BundleError(file, `${file} has no column '${name}' for the ${role}; its columns are ${header.join(', ')} (set --${role}-col)`);
        return index;
      });
      builder = new CostPairsBuilder(file, cols);
      return;
    }
    row++;
    const [o, d, c, w] = at.map((k) => fields[k] ?? '');
    builder!.add(row, o.trim(), d.trim(), c.trim() === '' ? NaN : Number(c), w.trim() === '' ? NaN : Number(w), c, w);
  });
  if (builder === null || row === 0) throw new BundleError(file, `${file} has no data rows; give a CSV with a header and one row per origin–destination pair`);
  return (builder as CostPairsBuilder).finish();
}

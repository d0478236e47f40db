/**
 * A long-format cost table read from CSV text by io's CSV parser, the project's one (RFC 4180
 * quoting, Excel's sep= line, the delimiter sniffed from the header, decimal commas of semicolon
 * files). `costsFromCsv` feeds the text to it in blocks and each block's rows straight into typed
 * arrays, so a million pairs hold no string per pair beyond one block's; `costTableFromCsv` gives
 * the RawTable the table door also takes.
 */
import { BundleError } from '../errors.ts';
import type { Reject } from '../data/layer.ts';
import { parseCsv } from '../io/csv.ts';
import { CsvChunker, type CsvChunk } from '../io/csv-chunks.ts';
import type { RawTable, RawValue } from '../io/raw-table.ts';
import { csvDialect, csvTable } from '../io/read-csv.ts';
import { CostPairsBuilder, type CostColumnNames } from './cost-pairs-builder.ts';
import type { FacilityCosts } from './problem.ts';

/** Characters parsed at a time by costsFromCsv: one block's strings at most are alive; 64 K read 1 M pairs about as fast as the old hand-written reader, 4 M was slower (more garbage). */
const BLOCK_CHARS = 1 << 16;

const noRows = (file: string): BundleError => new BundleError(file, `${file} has no data rows; give a CSV with a header and one row per origin–destination pair`);

/** The text without its byte-order mark; an empty table is refused. */
function body(file: string, text: string): string {
  const rest = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (rest.trim() === '') throw new BundleError(file, `${file} is empty; give a CSV with a header and one row per origin–destination pair`);
  return rest;
}

export function costTableFromCsv(file: string, text: string): RawTable {
  const { body: records, delimiter } = csvDialect(body(file, text));
  const parsed = parseCsv(records, delimiter);
  if (parsed.rowCount === 0) throw noRows(file);
  return csvTable(file, parsed, delimiter);
}

const cell = (v: RawValue | undefined): string => (v === null || v === undefined ? '' : String(v));

/** The CSV straight into FacilityCosts: numbers parsed as they come, ids interned once. */
export function costsFromCsv(file: string, text: string, cols: CostColumnNames, blockChars = BLOCK_CHARS): { costs: FacilityCosts; rejects: Reject[] } {
  const records = body(file, text);
  const chunker = new CsvChunker(file);
  let builder: CostPairsBuilder | undefined;
  const roles = ['origin', 'destination', 'cost', 'weight'] as const;
  const take = (chunk: CsvChunk | null): void => {
    if (chunk === null) return;
    const { table, firstRow } = chunk;
    const [o, d, c, w] = roles.map((role) => {
      if (!Object.hasOwn(table.values, cols[role])) throw new BundleError(file, `${file} has no column '${cols[role]}' for the ${role}; its columns are ${table.columns.join(', ')} (set --${role}-col)`);
      return table.values[cols[role]];
    });
    builder ??= new CostPairsBuilder(file, cols);
    for (let r = 0; r < table.rowCount; r++) {
      const [cost, weight] = [cell(c[r]), cell(w[r])];
      builder.add(firstRow + r + 1, cell(o[r]).trim(), cell(d[r]).trim(), cost.trim() === '' ? NaN : Number(cost), weight.trim() === '' ? NaN : Number(weight), cost, weight);
    }
  };
  for (let at = 0; at < records.length; at += blockChars) take(chunker.push(records.slice(at, at + blockChars)));
  take(chunker.end());
  if (builder === undefined || chunker.rows === 0) throw noRows(file);
  return builder.finish();
}

/**
 * Pass 1 of reading a candidate file for `siteselect score`: block by block (table-blocks.ts),
 * each row is placed as toLayer places it (planColumns, placeRows, its id) and appended to DuckDB
 * table `staged` with its reject if any, its place, whether it may be a lat/lon swap, and each
 * cell both ways (text and number) with the class the column-typing rule counts. What toLayer
 * decides over the whole file is then decided over that table (settle-rows.ts). No row is held in
 * JS beyond its block. Native DuckDB in Node, DuckDB-WASM in the page (BlockDatabase).
 */
import type { ColumnRef, CrsName, LayerEntry } from '../data/bundle-manifest.ts';
import { planColumns, type ColumnPlan } from '../data/column-plan.ts';
import { placeRows, type AddressGeocoder } from '../data/place-rows.ts';
import { fileStem, isBlank, isMissingToken, isNumberCell, toNumber, toText } from '../data/raw-values.ts';
import { idFold, unplaceableFile } from '../data/to-layer.ts';
import type { RawTable } from '../io/raw-table.ts';
import type { BlockDatabase, TableColumn } from './block-database.ts';

/** A column of the layer, in buildColumns' order: the roles, then the source columns kept by name. */

/** Rows of a file read block by block (src/node/table-blocks.ts reads them from disk, the page's worker from a File). */
export interface TableBlock {
  table: RawTable;
  /** 0-based index, in the whole file, of the block's first record. */
  firstRow: number;
}
export interface StagedColumn {
  key: string;
  ref: ColumnRef;
  /** numeric and text are fixed; infer is decided by the column rule over the loaded rows. */
  kind: 'numeric' | 'text' | 'infer';
  /** How its note names it: `'rent' (rent)` for a role, `'grade'` for a source column. */
  label: string;
  /** Its cells in `staged`: t{j} text, u{j} number, k{j} class (CLASS_*). */
  j: number;
}

export const CLASS_BLANK = 0;
export const CLASS_NUMBER = 1;
export const CLASS_TEXT = 2;
/** A missing-value token ('n/a'): blank to the column rule, though the cell is not empty. */
export const CLASS_MISSING = 3;

/** What pass 1 learnt, for settle-rows.ts. */
export interface Staging {
  file: string;
  plan: ColumnPlan;
  columns: StagedColumn[];
  crs: CrsName;
  /** The rows could be geocoded: placed_by, confidence and explanation are staged. */
  geocoded: boolean;
  /** The id comes from a column (look-alike ids are noted). */
  idColumn: boolean;
  read: number;
  projected: number;
  /** Rows rejected as swapped while placed (out of range swapped), before the median test. */
  swapped: number;
  missingCoordinate: number;
}

export interface StageOptions {
  geocoder?: AddressGeocoder;
  minConfidence?: number;
}

function layerColumns(plan: ColumnPlan): StagedColumn[] {
  const out: StagedColumn[] = [];
  for (const { role, ref, kind } of plan.roles) out.push({ key: role, ref, kind, label: typeof ref === 'string' ? `'${ref}' (${role})` : role, j: out.length });
  for (const name of plan.passthrough) {
    if (out.some((c) => c.key === name)) continue;
    out.push({ key: name, ref: name, kind: 'infer', label: `'${name}'`, j: out.length });
  }
  return out;
}

/** The table's columns for `columns`, with values when given. */
function cellColumns(c: StagedColumn): Pick<TableColumn, 'name' | 'kind'>[] {
  if (typeof c.ref !== 'string') return [];
  if (c.kind === 'text') return [{ name: `t${c.j}`, kind: 'text' }];
  if (c.kind === 'numeric') return [{ name: `u${c.j}`, kind: 'double' }, { name: `t${c.j}`, kind: 'text' }];
  return [{ name: `t${c.j}`, kind: 'text' }, { name: `u${c.j}`, kind: 'double' }, { name: `k${c.j}`, kind: 'integer' }];
}

export class RowStager {
  private staging: Staging | undefined;
  private addressColumn: string | undefined;

  constructor(private readonly db: BlockDatabase, private readonly entry: LayerEntry, private readonly opts: StageOptions) {}

  /** Places one block's rows and appends them to `staged` (the first block also plans the columns and creates it). */
  async add(block: TableBlock): Promise<void> {
    const raw = block.table;
    const s = this.staging ?? (await this.start(raw));
    const first = block.firstRow;
    const m = raw.rowCount;
    const { plan } = s;
    const geocoder = this.opts.geocoder;
    const placed = placeRows(raw, plan, {
      crs: s.crs, polygonLayer: false, geocoder, addressColumn: this.addressColumn, minConfidence: this.opts.minConfidence,
      rejectUngeocoded: !geocoder,
    });
    s.read += m;
    s.projected += placed.problems.projected;
    s.swapped += placed.problems.swapped;
    const rjColumn = new Array<string>(m).fill('');
    const rjReason = new Array<string>(m).fill('');
    const rjCode = new Array<string>(m).fill('');
    const rjParams = new Array<string>(m).fill('');
    const rjValue = new Array<string>(m).fill('');
    const ids = new Array<string>(m).fill('');
    const folds = new Array<string>(m).fill('');
    const swappable = new Uint8Array(m);
    const idCol = plan.id !== undefined ? raw.values[plan.id] : undefined;
    const stem = fileStem(s.file);
    for (let r = 0; r < m; r++) {
      const rej = placed.rejects[r];
      if (rej !== null) {
        if (rej.code === 'missing-coordinate') s.missingCoordinate++;
        rjColumn[r] = rej.column;
        rjReason[r] = rej.reason;
        rjCode[r] = rej.code;
        rjParams[r] = JSON.stringify(rej.params);
        rjValue[r] = rej.value ?? '';
        // the id of a rejected row, where its id column is readable (the rejects list shows it)
        if (idCol !== undefined) ids[r] = toText(idCol[r]);
        continue;
      }
      const by = placed.placedBy?.[r];
      swappable[r] = s.crs !== 'epsg3857' && placed.areas[r] === null && by !== 'exact' && by !== 'fuzzy' ? 1 : 0;
      const id = idCol !== undefined ? toText(idCol[r]) : (plan.idValue ?? `${stem}:${first + r + 1}`);
      ids[r] = id;
      if (idCol !== undefined) {
        const fold = idFold(id);
        if (fold !== id) folds[r] = fold;
      }
    }
    const columns: TableColumn[] = [
      { name: 'row', kind: 'integer', values: Int32Array.from({ length: m }, (_, r) => first + r) },
      { name: 'rj_column', kind: 'text', values: rjColumn },
      { name: 'rj_reason', kind: 'text', values: rjReason },
      { name: 'rj_code', kind: 'text', values: rjCode },
      { name: 'rj_params', kind: 'text', values: rjParams },
      { name: 'rj_value', kind: 'text', values: rjValue },
      { name: 'lon', kind: 'double', values: placed.lon },
      { name: 'lat', kind: 'double', values: placed.lat },
      { name: 'swappable', kind: 'boolean', values: swappable },
      { name: 'id', kind: 'text', values: ids },
      { name: 'id_fold', kind: 'text', values: folds },
    ];
    if (s.geocoded) {
      columns.push(
        { name: 'placed_by', kind: 'text', values: placed.placedBy ?? [] },
        { name: 'confidence', kind: 'double', values: placed.confidence ?? new Float64Array(m) },
        { name: 'explanation', kind: 'text', values: placed.explanation ?? [] },
      );
    }
    for (const c of s.columns) columns.push(...cells(raw, c, placed.rejects));
    await this.db.append('staged', columns);
  }

  /** What pass 1 learnt; undefined when no block came. */
  finish(): Staging | undefined {
    return this.staging;
  }

  private async start(raw: RawTable): Promise<Staging> {
    const { entry } = this;
    const plan = planColumns(raw, entry, false);
    const addressRef = entry.columns?.address ?? plan.roles.find((r) => r.role === 'address')?.ref;
    this.addressColumn = typeof addressRef === 'string' ? addressRef : undefined;
    if (raw.geometry === undefined && plan.wkt === undefined && plan.lon === undefined && !(this.opts.geocoder && this.addressColumn)) {
      throw unplaceableFile(raw.file, entry.layer, false, this.addressColumn);
    }
    const columns = layerColumns(plan);
    const staging: Staging = {
      file: raw.file, plan, columns, crs: entry.crs ?? raw.declaredCrs ?? 'wgs84', geocoded: this.opts.geocoder !== undefined, idColumn: plan.id !== undefined,
      read: 0, projected: 0, swapped: 0, missingCoordinate: 0,
    };
    await this.db.createTable('staged', [
      { name: 'row', kind: 'integer' }, { name: 'rj_column', kind: 'text' }, { name: 'rj_reason', kind: 'text' }, { name: 'rj_code', kind: 'text' }, { name: 'rj_params', kind: 'text' }, { name: 'rj_value', kind: 'text' },
      { name: 'lon', kind: 'double' }, { name: 'lat', kind: 'double' }, { name: 'swappable', kind: 'boolean' },
      { name: 'id', kind: 'text' }, { name: 'id_fold', kind: 'text' },
      ...(staging.geocoded ? [{ name: 'placed_by', kind: 'text' as const }, { name: 'confidence', kind: 'double' as const }, { name: 'explanation', kind: 'text' as const }] : []),
      ...columns.flatMap(cellColumns),
    ]);
    this.staging = staging;
    return staging;
  }
}

/** One column's cells of the placed rows (rejected rows stay empty): as text, as a number, and their class. */
function cells(raw: RawTable, c: StagedColumn, rejects: readonly unknown[]): TableColumn[] {
  if (typeof c.ref !== 'string') return [];
  const values = raw.values[c.ref];
  const m = raw.rowCount;
  const text = new Array<string>(m).fill('');
  const number = new Float64Array(m).fill(NaN);
  const cls = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    if (rejects[r] !== null) continue;
    const v = values[r];
    if (c.kind !== 'text') number[r] = toNumber(v);
    // a numeric column's text is kept only where it is not a number: its note's example
    if (c.kind !== 'numeric' || Number.isNaN(number[r])) text[r] = toText(v);
    if (c.kind === 'infer') cls[r] = isBlank(v) ? CLASS_BLANK : isMissingToken(v) ? CLASS_MISSING : isNumberCell(v) ? CLASS_NUMBER : CLASS_TEXT;
  }
  const t: TableColumn = { name: `t${c.j}`, kind: 'text', values: text };
  const u: TableColumn = { name: `u${c.j}`, kind: 'double', values: number };
  if (c.kind === 'text') return [t];
  if (c.kind === 'numeric') return [u, t];
  return [t, u, { name: `k${c.j}`, kind: 'integer', values: cls }];
}

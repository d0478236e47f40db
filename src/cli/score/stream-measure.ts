/**
 * Pass 1 over a streamed candidate file: each chunk of records is placed (coordinates, CRS
 * conversion, geocoding: placeRows, as for a whole file), its rejects go to the rejects spill, and
 * each placed row becomes a record on disk (stream-fields.ts): position, how placed, district and
 * region, the site criteria's raw values and whether it meets the constraints (siteSetColumns, the
 * engine's own code, per chunk: a site's raw values do not depend on the other sites). Its id and
 * the constraint it fails go to string files beside it. Nothing is kept in memory per row.
 * What only the whole file can say — which rows look lat/lon swapped, missing and duplicate ids,
 * the type of untyped columns — is decided after the pass (stream-settle.ts) as toLayer decides it.
 * Anything this path does not reproduce throws StreamFallback: the caller reads the file whole.
 */
import type { LayerEntry } from '../../data/bundle-manifest.ts';
import { planColumns, type ColumnPlan } from '../../data/column-plan.ts';
import type { LoadedBundle, PointLayer, Reject } from '../../data/layer.ts';
import { placeRows, type AddressGeocoder } from '../../data/place-rows.ts';
import { fileStem, toNumber, toText } from '../../data/raw-values.ts';
import type { RawTable } from '../../io/raw-table.ts';
import type { CsvChunk } from '../../io/csv-chunks.ts';
import type { RawCriterion } from '../../score/build-level.ts';
import type { Progress } from '../../score/level-criteria.ts';
import { siteSetColumns } from '../../score/score-site-set.ts';
import { locateSites, type SiteScoring } from '../../score/score-sites.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import path from 'node:path';
import { RecordWriter } from './disk/record-file.ts';
import { StringWriter } from './disk/string-file.ts';
import type { RejectSpill } from './reject-spill.ts';
import { cellClass, fixedNumeric, inferredColumns, layerColumns, scenarioColumns, type LayerColumn } from './stream-columns.ts';
import * as F from './stream-fields.ts';

export class StreamFallback extends Error {}

/** How a row was placed: the placed_by values, as codes. */
export const PLACED_BY = ['coordinates', 'exact', 'fuzzy'] as const;

export interface MeasureContext {
  entry: LayerEntry;
  bundle: LoadedBundle;
  scenario: Scenario;
  scoring: SiteScoring;
  geocoder?: AddressGeocoder;
  minConfidence?: number;
  rejects: RejectSpill;
  /** Folder for the per-row files. */
  scratch: string;
}

/** A row's id: its id column, the entry's constant id, or file stem and 1-based row. */
export function rowId(plan: ColumnPlan, raw: RawTable, r: number, row: number): string {
  return plan.id !== undefined ? toText(raw.values[plan.id][r]) : (plan.idValue ?? `${fileStem(raw.file)}:${row + 1}`);
}

export class ChunkMeasure {
  plan: ColumnPlan | undefined;
  columns: LayerColumn[] = [];
  read = 0;
  /** Untyped columns, in the order of their cell classes in a row's record. */
  inferred: LayerColumn[] = [];
  criteria: Omit<RawCriterion, 'raw'>[] = [];
  warnings: string[] | undefined;
  /** Inferred columns the scenario reads as numbers: assumed numeric, checked at the end. */
  assumedNumeric: string[] = [];
  projected = 0;
  missingCoordinate = 0;
  /** The coordinate system the rows were read in. */
  crs: string = 'wgs84';
  /** Rows placed by their own coordinates (lat/lon swap suspects). */
  suspects = 0;
  /** The placed rows' records (stream-fields.ts), opened with the first chunk measured. */
  rows: RecordWriter | undefined;
  readonly ids: StringWriter;
  /** The first constraint each placed row fails ('' when eligible). */
  readonly reasons: StringWriter;
  private addressColumn: string | undefined;
  private readonly used: Set<string>;

  constructor(private readonly ctx: MeasureContext) {
    this.used = scenarioColumns(ctx.scenario);
    this.ids = new StringWriter(path.join(ctx.scratch, 'placed-ids.txt'));
    this.reasons = new StringWriter(path.join(ctx.scratch, 'placed-reasons.txt'));
  }

  get placed(): number {
    return this.rows?.count ?? 0;
  }

  /** Closes the files written in pass 1. */
  close(): void {
    this.rows?.close();
    this.ids.close();
    this.reasons.close();
  }

  private start(raw: RawTable): ColumnPlan {
    const { entry } = this.ctx;
    const plan = planColumns(raw, entry, false);
    const addressRef = entry.columns?.address ?? plan.roles.find((r) => r.role === 'address')?.ref;
    this.addressColumn = typeof addressRef === 'string' ? addressRef : undefined;
    if (raw.geometry === undefined && plan.wkt === undefined && plan.lon === undefined && !(this.ctx.geocoder && this.addressColumn)) throw new StreamFallback('no coordinate columns');
    this.columns = layerColumns(plan);
    this.inferred = inferredColumns(this.columns);
    for (const c of this.inferred) if (this.used.has(c.key)) this.assumedNumeric.push(c.key);
    this.plan = plan;
    return plan;
  }

  async add({ table: raw, firstRow }: CsvChunk): Promise<void> {
    const n = raw.rowCount;
    this.read += n;
    if (n === 0) return;
    const plan = this.plan ?? this.start(raw);
    const { ctx } = this;
    // as toLayer: the entry's CRS, else the one the file declares (GeoJSON), else WGS84
    const crs = (this.crs = ctx.entry.crs ?? raw.declaredCrs ?? 'wgs84');
    const placed = placeRows(raw, plan, { crs, polygonLayer: false, geocoder: ctx.geocoder, addressColumn: this.addressColumn, minConfidence: ctx.minConfidence });
    this.projected += placed.problems.projected;
    const keep: number[] = [];
    for (let r = 0; r < n; r++) {
      const reject = placed.rejects[r];
      if (reject === null) keep.push(r);
      else {
        if (reject.reason === 'missing coordinate') this.missingCoordinate++;
        ctx.rejects.add({ ...reject, row: firstRow + r + 1 });
      }
    }
    if (keep.length === 0) return;
    const sites = this.chunkLayer(raw, keep, placed.lon, placed.lat);
    const { bundle, scoring } = ctx;
    const { district, region } = locateSites(bundle, scoring.links, sites.lon, sites.lat);
    const progress: Progress = { signal: scoring.progress.signal, warnings: [] };
    const measured = await siteSetColumns(scoring.inputs, { sites, district }, progress);
    if (this.warnings === undefined) {
      // every chunk meets the same missing layers: say it once
      this.warnings = progress.warnings;
      this.criteria = measured.criteria.map(({ raw: _, ...meta }) => meta);
    }
    const K = measured.criteria.length;
    const out = (this.rows ??= new RecordWriter(path.join(ctx.scratch, 'placed.f64'), F.rowWidth(K, this.inferred.length)));
    const classCells = this.inferred.map((c) => (typeof c.ref === 'string' ? raw.values[c.ref] : []));
    keep.forEach((r, j) => {
      const code = placed.placedBy ? PLACED_BY.indexOf(placed.placedBy[r] as (typeof PLACED_BY)[number]) : 0;
      const swappable = code === 0 && placed.areas[r] === null ? 1 : 0;
      const at = out.slot();
      const b = out.block;
      b[at + F.ROW] = firstRow + r;
      b[at + F.LON] = sites.lon[j];
      b[at + F.LAT] = sites.lat[j];
      b[at + F.PLACED_BY_CODE] = code;
      b[at + F.CONFIDENCE] = placed.confidence ? placed.confidence[r] : NaN;
      b[at + F.DISTRICT] = district[j];
      b[at + F.REGION] = region[j];
      b[at + F.SWAPPABLE] = swappable;
      b[at + F.ELIGIBLE] = measured.excludedBy[j] === '' ? 1 : 0;
      b[at + F.ID_POSITION] = -1;
      for (let k = 0; k < K; k++) b[at + F.RAW + k] = measured.criteria[k].raw[j];
      for (let c = 0; c < classCells.length; c++) b[at + F.RAW + K + c] = cellClass(classCells[c][r]);
      this.suspects += swappable;
      this.ids.add(rowId(plan, raw, r, firstRow + r));
      this.reasons.add(measured.excludedBy[j]);
    });
  }

  /** The chunk's sites as a layer with the numeric columns the scenario reads. */
  private chunkLayer(raw: RawTable, keep: number[], lon: Float64Array, lat: Float64Array): PointLayer {
    const numeric: Record<string, Float64Array> = {};
    for (const c of this.columns) {
      const assumed = this.assumedNumeric.includes(c.key);
      if (!assumed && !fixedNumeric(c)) continue;
      const ref = c.ref;
      numeric[c.key] = typeof ref === 'string' ? Float64Array.from(keep, (r) => toNumber(raw.values[ref][r])) : new Float64Array(keep.length).fill(Number(ref.value));
    }
    const ids = keep.map(() => '');
    return { kind: 'point', layer: 'candidates', ids, lon: Float64Array.from(keep, (r) => lon[r]), lat: Float64Array.from(keep, (r) => lat[r]), numeric, text: {} };
  }
}

export type { Reject };

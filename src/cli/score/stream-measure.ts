/**
 * Pass 1 over a streamed candidate file: each chunk of records is placed (coordinates, CRS
 * conversion, geocoding: placeRows, as for a whole file), its rejects go to the rejects spill, and
 * for its placed rows only numbers are kept: position, how placed, district and region, the site
 * criteria's raw values and the constraint a site fails (siteSetColumns, the engine's own code, per
 * chunk: a site's raw values do not depend on the other sites). Ids are packed (packed-ids.ts).
 * What only the whole file can say — which rows look lat/lon swapped, missing and duplicate ids,
 * the type of untyped columns — is decided at the end (finish) as toLayer decides it.
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
import { Growable } from './growable.ts';
import { PackedIds } from './packed-ids.ts';
import type { RejectSpill } from './reject-spill.ts';
import { cellClass, fixedNumeric, inferredColumns, layerColumns, scenarioColumns, type LayerColumn } from './stream-columns.ts';

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
}

export class ChunkMeasure {
  plan: ColumnPlan | undefined;
  columns: LayerColumn[] = [];
  read = 0;
  readonly ids = new PackedIds();
  readonly row = new Growable(Int32Array);
  readonly lon = new Growable(Float64Array);
  readonly lat = new Growable(Float64Array);
  readonly placedBy = new Growable(Uint8Array);
  readonly confidence = new Growable(Float64Array);
  readonly district = new Growable(Int32Array);
  readonly region = new Growable(Int32Array);
  /** 1 where the row was placed by its own coordinates (a lat/lon swap suspect). */
  readonly bySwappable = new Growable(Uint8Array);
  readonly excluded = new Growable(Uint32Array);
  /** Distinct reasons a site fails a constraint ('' first: eligible). */
  readonly reasons: string[] = [''];
  private readonly reasonCode = new Map<string, number>([['', 0]]);
  readonly classes = new Map<string, Growable<Uint8Array>>();
  criteria: Omit<RawCriterion, 'raw'>[] = [];
  raw: Growable<Float64Array>[] = [];
  warnings: string[] | undefined;
  /** Inferred columns the scenario reads as numbers: assumed numeric, checked at the end. */
  assumedNumeric: string[] = [];
  projected = 0;
  missingCoordinate = 0;
  private addressColumn: string | undefined;
  private readonly used: Set<string>;

  constructor(private readonly ctx: MeasureContext) {
    this.used = scenarioColumns(ctx.scenario);
  }

  private start(raw: RawTable): ColumnPlan {
    const { entry } = this.ctx;
    const plan = planColumns(raw, entry, false);
    const addressRef = entry.columns?.address ?? plan.roles.find((r) => r.role === 'address')?.ref;
    this.addressColumn = typeof addressRef === 'string' ? addressRef : undefined;
    if (plan.wkt === undefined && plan.lon === undefined && !(this.ctx.geocoder && this.addressColumn)) throw new StreamFallback('no coordinate columns');
    this.columns = layerColumns(plan);
    for (const c of inferredColumns(this.columns)) {
      this.classes.set(c.key, new Growable(Uint8Array));
      if (this.used.has(c.key)) this.assumedNumeric.push(c.key);
    }
    this.plan = plan;
    return plan;
  }

  async add({ table: raw, firstRow }: CsvChunk): Promise<void> {
    const n = raw.rowCount;
    this.read += n;
    if (n === 0) return;
    const plan = this.plan ?? this.start(raw);
    const { ctx } = this;
    const crs = ctx.entry.crs ?? 'wgs84';
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
    const idCol = plan.id !== undefined ? raw.values[plan.id] : undefined;
    const stem = fileStem(raw.file);
    const method = placed.placedBy;
    for (const r of keep) {
      this.row.push(firstRow + r);
      this.lon.push(placed.lon[r]);
      this.lat.push(placed.lat[r]);
      const code = method ? PLACED_BY.indexOf(method[r] as (typeof PLACED_BY)[number]) : 0;
      this.placedBy.push(code);
      this.confidence.push(placed.confidence ? placed.confidence[r] : NaN);
      this.bySwappable.push(code === 0 && placed.areas[r] === null ? 1 : 0);
      this.ids.add(idCol !== undefined ? toText(idCol[r]) : (plan.idValue ?? `${stem}:${firstRow + r + 1}`));
    }
    for (const [key, classes] of this.classes) {
      const ref = this.columns.find((c) => c.key === key)?.ref;
      const values = typeof ref === 'string' ? raw.values[ref] : [];
      for (const r of keep) classes.push(cellClass(values[r]));
    }
    // the chunk's text is not needed past this point: only numbers wait for the kernels
    const sites = keep.length > 0 ? this.chunkLayer(raw, keep, placed.lon, placed.lat) : undefined;
    if (sites) await this.measure(sites);
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

  private async measure(sites: PointLayer): Promise<void> {
    const { bundle, scoring } = this.ctx;
    const { district, region } = locateSites(bundle, scoring.links, sites.lon, sites.lat);
    const progress: Progress = { signal: scoring.progress.signal, warnings: [] };
    const columns = await siteSetColumns(scoring.inputs, { sites, district }, progress);
    if (this.warnings === undefined) {
      // every chunk meets the same missing layers: say it once
      this.warnings = progress.warnings;
      this.criteria = columns.criteria.map(({ raw: _, ...meta }) => meta);
      this.raw = columns.criteria.map(() => new Growable(Float64Array));
    }
    columns.criteria.forEach((c, k) => {
      for (let i = 0; i < c.raw.length; i++) this.raw[k].push(c.raw[i]);
    });
    for (let i = 0; i < sites.ids.length; i++) {
      this.district.push(district[i]);
      this.region.push(region[i]);
      const reason = columns.excludedBy[i];
      let code = this.reasonCode.get(reason);
      if (code === undefined) {
        code = this.reasons.push(reason) - 1;
        this.reasonCode.set(reason, code);
      }
      this.excluded.push(code);
    }
  }
}

export type { Reject };

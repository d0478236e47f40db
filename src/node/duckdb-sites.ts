/**
 * Scored sites' raw values into DuckDB: the sites go through the distance kernel chunk by chunk
 * (each site's raw criteria, place and constraints do not depend on the other sites), and each
 * chunk's columns are appended to table `sites` — raw values, district and region, eligibility,
 * and every attribute the candidate file brought. What needs all sites at once (normalisation,
 * ranking, keeping) then runs on that table (duckdb-score.ts). Node only (native DuckDB).
 */
import type { LoadedBundle, PointLayer } from '../data/layer.ts';
import { assignPointsToPolygons } from '../geo/containment.ts';
import type { Direction, Normalisation } from '../scenario/criterion-spec.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ScoreOptions } from '../score/funnel.ts';
import type { Progress } from '../score/level-criteria.ts';
import { contextTerms, siteSetColumns } from '../score/score-site-set.ts';
import { contextScores, locateSites, prepareSiteScoring } from '../score/score-sites.ts';
import type { NativeDatabase, TableColumn } from './duckdb-native.ts';

/** Sites a kernel call: large enough to amortise a call, small enough to bound its arrays. */
export const SITE_CHUNK = 1 << 16;

/** A scored term as a column of table `sites`: a criterion (raw value) or a context term (the parent's score). */
export interface SiteTerm {
  name: string;
  label: string;
  weight: number;
  /** Column of table `sites` holding the raw value. */
  column: string;
  /** Absent for context terms (their 0–1 value is the parent's score / 100). */
  normalise?: Normalisation;
  direction?: Direction;
}

/** A per-site column computed outside the scoring (e.g. forecasts): numbers (NaN none) or text. */
export interface ExtraColumn {
  name: string;
  values: Float64Array | string[];
}

/** An attribute of the candidate file (or an extra column) as a column of table `sites`. */
export interface SiteAttribute {
  name: string;
  column: string;
  numeric: boolean;
  /** An extra column, not one of the file's. */
  extra?: boolean;
}

export interface LoadedSites {
  n: number;
  terms: SiteTerm[];
  attributes: SiteAttribute[];
  /** Non-fatal notes from scoring (criteria left out for a missing layer …). */
  warnings: string[];
}

/**
 * Table `sites` (pos = the site's index in `sites`): id, name (NULL: the id), lon, lat, district (index into
 * bundle.districts, -1 none), keep_region (the district's region, else by containment: the
 * scenario's top N per region), region (by containment in bundle.regions: the output's region),
 * eligible, excluded_by, one raw column per term, then the attributes.
 */
export async function loadSites(db: NativeDatabase, bundle: LoadedBundle, scenario: Scenario, sites: { loaded: number; chunks: AsyncIterable<PointLayer> }, opts: Omit<ScoreOptions, 'database'> & { extra?: (chunk: PointLayer) => ExtraColumn[] | Promise<ExtraColumn[]> } = {}): Promise<LoadedSites> {
  // the same DuckDB runs the scenario's SQL filter on each chunk (db/site-filter.ts)
  const scoring = await prepareSiteScoring(bundle, scenario, { ...opts, database: db, onProgress: (stage, f) => opts.onProgress?.(stage, 0.1 * f) });
  const n = sites.loaded; // an upper bound when chunks are filtered: for progress only
  let loaded: LoadedSites | undefined;
  let start = 0;
  for await (const chunk of sites.chunks) {
    const end = start + chunk.ids.length;
    const attributes: SiteAttribute[] = [
      ...Object.keys(chunk.text).map((name, j) => ({ name, column: `t${j}`, numeric: false })),
      ...Object.keys(chunk.numeric).map((name, j) => ({ name, column: `u${j}`, numeric: true })),
    ];
    const extra = (await opts.extra?.(chunk)) ?? [];
    const extraAt = attributes.length;
    attributes.push(...extra.map((c, j) => ({ name: c.name, column: `f${j}`, numeric: c.values instanceof Float64Array, extra: true })));
    const { district, region } = locateSites(bundle, scoring.links, chunk.lon, chunk.lat);
    const progress: Progress = { signal: opts.signal, warnings: [] };
    const measured = await siteSetColumns(scoring.inputs, { sites: chunk, district }, progress);
    const context = contextScores(scoring, district, region);
    const terms = contextTerms(scenario, bundle, context.districtScore, context.regionScore);
    const m = end - start;
    const columns: TableColumn[] = [
      { name: 'pos', kind: 'integer', values: Int32Array.from({ length: m }, (_, i) => start + i) },
      { name: 'id', kind: 'text', values: chunk.ids },
      // NULL (read as the id) where the file names a site by its id alone: a copy of every id would be appended
      { name: 'name', kind: 'text', values: chunk.ids.map((_, i) => chunk.text.name?.[i] || chunk.text.address?.[i] || '') },
      { name: 'lon', kind: 'double', values: chunk.lon },
      { name: 'lat', kind: 'double', values: chunk.lat },
      { name: 'district', kind: 'integer', values: district },
      { name: 'keep_region', kind: 'integer', values: region },
      { name: 'region', kind: 'integer', values: bundle.regions ? assignPointsToPolygons(chunk.lon, chunk.lat, bundle.regions.geometries) : new Int32Array(m).fill(-1) },
      { name: 'eligible', kind: 'boolean', values: Uint8Array.from(measured.excludedBy, (r) => (r === '' ? 1 : 0)) },
      { name: 'excluded_by', kind: 'text', values: measured.excludedBy },
      ...measured.criteria.map((c, k): TableColumn => ({ name: `c${k}`, kind: 'double', values: c.raw })),
      ...terms.map((t, k): TableColumn => ({ name: `x${k}`, kind: 'double', values: t.raw })),
      ...attributes.slice(0, extraAt).map((a): TableColumn => (a.numeric
        ? { name: a.column, kind: 'double', values: chunk.numeric[a.name] }
        : { name: a.column, kind: 'text', values: chunk.text[a.name] })),
      ...extra.map(({ values }, j): TableColumn => (values instanceof Float64Array
        ? { name: `f${j}`, kind: 'double', values }
        : { name: `f${j}`, kind: 'text', values })),
    ];
    if (loaded === undefined) {
      // every chunk meets the same criteria and missing layers: the first one says which
      await db.createTable('sites', columns);
      loaded = {
        n,
        terms: [
          ...measured.criteria.map((c, k) => ({ name: c.name, label: c.label, weight: c.weight, column: `c${k}`, normalise: c.normalise, direction: c.direction })),
          ...terms.map((t, k) => ({ name: t.name, label: t.label, weight: t.weight, column: `x${k}` })),
        ],
        attributes,
        warnings: [...scoring.progress.warnings, ...progress.warnings],
      };
    }
    if (m > 0) await db.append('sites', columns);
    opts.onProgress?.('scoring sites', 0.1 + (0.9 * end) / Math.max(1, n));
    start = end;
  }
  if (loaded === undefined) throw new Error('no chunk of sites came, not even an empty one');
  loaded.n = start;
  return loaded;
}

/**
 * Why an input row was not loaded: a code, its parameters, and the English sentence the CLI and
 * the rejects files print. The readers (src/io), the loader (src/data) and the staged loader
 * (src/db) all say their rejects through this one catalogue; the page words each code in its own
 * language from its i18n tables (keys `reject.<code>`), so no translation hangs on English wording.
 */

/** A parameter of a reason: a number as read, a column or role name, a detail from a library. */
export type RejectParam = string | number;

interface ReasonSpec<K extends string> {
  /** The parameters a reason of this code carries, by name. */
  params: readonly K[];
  english: (p: Record<K, RejectParam>) => string;
}

function spec<const K extends string = never>(params: readonly K[], english: (p: Record<K, RejectParam>) => string): ReasonSpec<K> {
  return { params, english };
}

/** A polygon ring as the English reasons name it: `ring` 0 is the outer ring, k the k-th hole; `part` > 0 the part of a multipolygon. */
function ringWhere(p: { ring: RejectParam; part: RejectParam }): string {
  return `${p.ring === 0 ? 'the outer ring' : `hole ${p.ring}`}${p.part === 0 ? '' : ` of part ${p.part}`}`;
}

export const REJECT_REASONS = {
  // a record a reader could not make out (src/io)
  'field-count': spec(['fields', 'width'], (p) => `has ${p.fields} fields where the header has ${p.width}`),
  'unclosed-quote': spec([], () => 'truncated record: a quoted field is never closed'),
  'not-a-feature': spec([], () => 'not a GeoJSON Feature'),
  'nested-too-deep': spec(['property', 'levels'], (p) => `${p.property} is nested more than ${p.levels} levels deep; flatten it or drop the feature`),
  'unreadable-shape': spec(['detail'], (p) => `unreadable shape: ${p.detail}`),
  'unreadable-geometry': spec(['detail'], (p) => `unreadable geometry: ${p.detail}`),
  'osm-area-open': spec(['osmId', 'missingWays', 'openWays'], (p) => {
    const gaps = [p.missingWays !== 0 ? `${p.missingWays} member ways are not in the extract` : '', p.openWays !== 0 ? `${p.openWays} member ways do not close into a ring` : ''].filter(Boolean);
    return `${p.osmId} has no closed ring${gaps.length ? ` (${gaps.join('; ')})` : ''}; the extract may cut it at its edge — use a larger extract`;
  }),
  'wkt-unknown': spec([], () => 'not WKT POINT, POLYGON or MULTIPOLYGON'),
  'wkt-coordinates': spec([], () => 'unreadable WKT coordinates'),
  'wkt-point': spec([], () => 'unreadable WKT point'),
  'wkt-polygon': spec([], () => 'unreadable WKT polygon'),
  'wkt-multipolygon': spec([], () => 'unreadable WKT multipolygon'),
  // placing a row (src/data/place-rows.ts, check-coordinates.ts, check-geometry.ts)
  'missing-coordinate': spec([], () => 'missing coordinate'),
  'non-numeric-coordinate': spec([], () => 'non-numeric coordinate'),
  'no-coordinates': spec([], () => 'no coordinates'),
  'no-coordinates-no-address': spec([], () => 'no coordinates and no address'),
  'missing-geometry': spec([], () => 'missing geometry'),
  'longitude-range': spec(['longitude'], (p) => `longitude ${p.longitude} is outside ±180`),
  'latitude-range': spec(['latitude'], (p) => `latitude ${p.latitude} is outside ±90`),
  'mercator-range': spec(['metres'], (p) => `outside the EPSG:3857 range (±${p.metres} m)`),
  'projected-metres': spec([], () => 'looks like projected metres, not degrees: if these are web-mercator (EPSG:3857) set "crs": "epsg3857" for this file in bundle.json'),
  'swapped-pair': spec(['latitude'], (p) => `lat/lon look swapped: latitude ${p.latitude} is outside ±90 but the pair is valid the other way round`),
  'point-without-coordinates': spec(['type'], (p) => `invalid geometry: a ${p.type} without a coordinates array`),
  'position-not-numbers': spec([], () => 'invalid geometry: a position that is not an array of numbers'),
  'not-point-or-area': spec(['type'], (p) => `a ${p.type} geometry where this layer needs points or polygons`),
  'not-area': spec(['type'], (p) => `a ${p.type} where this layer needs a Polygon or MultiPolygon`),
  'ring-too-short': spec(['ring', 'part'], (p) => `invalid polygon: ${ringWhere(p)} has fewer than 4 positions`),
  'ring-non-numeric': spec(['ring', 'part'], (p) => `invalid polygon: ${ringWhere(p)} has a non-numeric position`),
  'ring-antimeridian': spec(['ring', 'part'], (p) => `invalid polygon: ${ringWhere(p)} crosses the antimeridian (±180° longitude); split it there into a MultiPolygon`),
  'ring-not-closed': spec(['ring', 'part'], (p) => `invalid polygon: ${ringWhere(p)} is not closed`),
  'polygon-no-rings': spec(['part'], (p) => `invalid polygon: ${p.part === 0 ? '' : ` of part ${p.part}`} has no rings`),
  'multipolygon-empty': spec([], () => 'invalid polygon: multipolygon with no parts'),
  'self-intersecting': spec(['lon', 'lat'], (p) => `invalid polygon: self-intersecting near ${p.lon}, ${p.lat}`),
  'no-gazetteer': spec([], () => 'address given but the bundle has no gazetteer; add one or give coordinates'),
  'address-not-found': spec([], () => 'address not found in the gazetteer'),
  'address-low-confidence': spec(['confidence', 'minimum'], (p) => `address matched with confidence ${p.confidence}, below the minimum ${p.minimum}`),
  // checks over the whole file or bundle (src/data/to-layer.ts, concat-layers.ts, src/db/settle-rows.ts)
  'swapped-outlier': spec([], () => 'lat/lon look swapped: the point is far from the rest of the file, and swapped it lies among them'),
  'weight-missing': spec(['role'], (p) => `${p.role} is missing`),
  'weight-not-number': spec(['role'], (p) => `${p.role} is not a number`),
  'weight-negative': spec(['role'], (p) => `negative ${p.role}`),
  'missing-id': spec([], () => 'missing id'),
  'duplicate-id': spec(['first'], (p) => `duplicate id (first seen in row ${p.first})`),
  'duplicate-id-loaded': spec(['file'], (p) => `duplicate id (already loaded from ${p.file})`),
  // a site outside the study area, not compared (src/score/compared-sites.ts)
  'outside-regions': spec(['id'], (p) => `outside every region: not compared (id ${p.id})`),
  'outside-districts': spec(['id'], (p) => `outside every district: not compared (id ${p.id})`),
  // a row of a cost table (src/optimize/cost-pairs-builder.ts)
  'cost-origin-empty': spec([], () => 'empty origin id'),
  'cost-destination-empty': spec([], () => 'empty destination id'),
  'cost-not-number': spec([], () => 'cost is not a number >= 0'),
  'cost-weight-not-number': spec([], () => 'weight is not a number >= 0'),
  'cost-weight-differs': spec(['origin', 'weight'], (p) => `origin '${p.origin}' has weight ${p.weight} on an earlier row`),
  'cost-pair-repeated': spec(['origin', 'destination'], (p) => `second row for origin '${p.origin}' and destination '${p.destination}'`),
};

export type RejectCode = keyof typeof REJECT_REASONS;
export const REJECT_CODES = Object.keys(REJECT_REASONS) as RejectCode[];

type ParamsOf<C extends RejectCode> = Parameters<(typeof REJECT_REASONS)[C]['english']>[0];

/** A reject's why: its code and parameters, and the English sentence made from them. */
export interface RejectReason {
  code: RejectCode;
  params: Readonly<Record<string, RejectParam>>;
  /** In English, as the CLI, the rejects files and `validate` print it. */
  reason: string;
}

/** The reason `code` with its parameters (none for a code that takes none). */
export function rejectReason<C extends RejectCode>(code: C, ...params: keyof ParamsOf<C> extends never ? [] : [ParamsOf<C>]): RejectReason {
  return storedRejectReason(code, params[0] ?? {});
}

/** A reason read back from storage (SQL rows): its code checked, its English made again from the parameters. */
export function storedRejectReason(code: string, params: Record<string, RejectParam>): RejectReason {
  if (!(code in REJECT_REASONS)) throw new Error(`unknown reject code '${code}'`);
  const c = code as RejectCode;
  const english = REJECT_REASONS[c].english as (p: Record<string, RejectParam>) => string;
  return { code: c, params, reason: english(params) };
}

/**
 * The record a streamed candidate file keeps on disk for each placed row (disk/record-file.ts), in
 * file order: where and how it was placed, the district and region it lies in, whether it may be
 * a lat/lon swap, whether it meets the scenario's constraints, its position in id order (set when
 * the ids are settled), each site criterion's raw value, then one cell class (stream-columns.ts)
 * for each untyped column.
 */
export const ROW = 0;
export const LON = 1;
export const LAT = 2;
/** PLACED_BY code: 0 coordinates, 1 exact address, 2 fuzzy address. */
export const PLACED_BY_CODE = 3;
export const CONFIDENCE = 4;
export const DISTRICT = 5;
/** The region of the site's district (locateSites), the keep rule's group. */
export const REGION = 6;
/** 1 where the row was placed by its own coordinates (a lat/lon swap suspect). */
export const SWAPPABLE = 7;
export const ELIGIBLE = 8;
export const ID_POSITION = 9;
/** The first raw criterion value; then the cell classes. */
export const RAW = 10;

export function rowWidth(criteria: number, classes: number): number {
  return RAW + criteria + classes;
}

/** attribute (DESIGN §3): any numeric column of the candidates (site form) or of the polygons (areal form). */
import { UsageError } from '../errors.ts';
import type { Layer } from '../data/layer.ts';

/** A copy of the column; missing values stay NaN (they normalise to the worst). */
export function attributeColumn(layer: Layer, column: string, who: string): Float64Array {
  const values = layer.numeric[column];
  if (!values) {
    const known = Object.keys(layer.numeric);
    throw new UsageError(`${who}: the ${layer.layer} layer has no numeric column "${column}" (it has: ${known.length ? known.join(', ') : 'none'})`);
  }
  return values.slice();
}

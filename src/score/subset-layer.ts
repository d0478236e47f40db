/** The rows `index` of a point layer, every column carried along. */
import type { PointLayer } from '../data/layer.ts';

export function subsetPointLayer(layer: PointLayer, index: ArrayLike<number>): PointLayer {
  const pick = <T>(values: ArrayLike<T>): T[] => Array.from({ length: index.length }, (_, k) => values[index[k]]);
  return {
    kind: 'point',
    layer: layer.layer,
    ids: pick(layer.ids),
    lon: Float64Array.from(pick(layer.lon)),
    lat: Float64Array.from(pick(layer.lat)),
    numeric: Object.fromEntries(Object.entries(layer.numeric).map(([k, v]) => [k, Float64Array.from(pick(v))])),
    text: Object.fromEntries(Object.entries(layer.text).map(([k, v]) => [k, pick(v)])),
  };
}

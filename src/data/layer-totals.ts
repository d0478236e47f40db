/**
 * Per layer, the totals of its numeric columns over the loaded rows (population, households,
 * attractiveness …): the figures a planner checks against a census or a branch list at once.
 * Missing values (NaN) are counted, not summed.
 */
import type { Layer, LayerName, LoadedBundle } from './layer.ts';
import { LAYER_NAMES } from './layer.ts';

export interface ColumnTotal {
  column: string;
  sum: number;
  /** Loaded rows with no value in this column. */
  missing: number;
}

export interface LayerTotals {
  layer: LayerName;
  /** Loaded rows. */
  rows: number;
  columns: ColumnTotal[];
}

function totalsOf(layer: Layer): LayerTotals {
  const columns = Object.entries(layer.numeric).map(([column, values]) => {
    let sum = 0;
    let missing = 0;
    for (const v of values) {
      if (Number.isNaN(v)) missing++;
      else sum += v;
    }
    return { column, sum, missing };
  });
  return { layer: layer.layer, rows: layer.ids.length, columns };
}

/** Every loaded layer in the bundle's layer order but the gazetteer (its numbers are house numbers and postcodes). */
export function layerTotals(bundle: LoadedBundle): LayerTotals[] {
  const out: LayerTotals[] = [];
  for (const name of LAYER_NAMES) {
    const layer = name === 'gazetteer' ? undefined : bundle[name];
    if (layer) out.push(totalsOf(layer));
  }
  return out;
}

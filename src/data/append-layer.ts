/**
 * A file added to a layer already loaded (the page's "add to the current candidates"): the layer
 * grows by the file's rows; a row whose id the layer already holds is moved to the file's rejects
 * ("duplicate id"), so the file's loaded + rejected = read still holds. The current rows come first.
 */
import { concatPointLayers, concatPolygonLayers, keepUniqueAcrossParts, pickRows, type LayerPart } from './concat-layers.ts';
import type { Layer, LayerReport, PointLayer, PolygonLayer } from './layer.ts';

export function appendLayer(current: Layer, added: LayerPart<Layer>): Layer {
  if (current.kind !== added.layer.kind) throw new Error(`cannot add ${added.layer.kind}s to a layer of ${current.kind}s`);
  const held: LayerReport = { layer: current.layer, file: `the ${current.layer} already loaded`, read: current.ids.length, loaded: current.ids.length, rejected: 0, rejects: [], notes: [] };
  const parts: LayerPart<Layer>[] = [{ layer: current, report: held, rows: current.ids.map((_, i) => i + 1) }, added];
  const keeps = keepUniqueAcrossParts(parts);
  const kept = parts.map((p, i) => pickRows(p.layer, keeps[i]));
  return current.kind === 'point' ? concatPointLayers(kept as PointLayer[]) : concatPolygonLayers(kept as PolygonLayer[]);
}

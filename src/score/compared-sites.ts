/**
 * Batch scoring's side of the study-area rule (outside-study-area.ts), a chunk of sites at a time:
 * the sites that lie outside the study area leave the compared set and join the file's rejects
 * with that reason, so read = scored + rejected still holds and the rejects file lists them.
 */
import type { LayerReport, LoadedBundle, PointLayer, Reject } from '../data/layer.ts';
import { linkDistrictsToRegions } from '../data/link-bundle.ts';
import { outsideStudyArea, type OutsideReason } from './outside-study-area.ts';
import { locateSites } from './score-sites.ts';
import { subsetPointLayer } from './subset-layer.ts';
import { rejectReason } from '../reject-reason.ts';

export interface ComparedChunk {
  /** The chunk's sites inside the study area. */
  sites: PointLayer;
  /** The others, as rejects at their file rows. */
  rejects: Reject[];
  reasons: OutsideReason[];
}

/** Splits chunks of sites by the study-area rule; `rows` are the sites' 1-based file rows (0 unknown). */
export function studyAreaSplitter(bundle: LoadedBundle): (sites: PointLayer, rows: ArrayLike<number>) => ComparedChunk {
  const districtRegion = bundle.districts ? linkDistrictsToRegions(bundle.districts, bundle.regions) : new Int32Array(0);
  return (sites, rows) => {
    const { district, region } = locateSites(bundle, { districtRegion }, sites.lon, sites.lat);
    const outside = outsideStudyArea(bundle, district, region);
    if (outside.index.length === 0) return { sites, rejects: [], reasons: [] };
    const rejects: Reject[] = outside.index.map((i, k) => ({
      row: rows[i], column: 'lon/lat', ...rejectReason(outside.reasons[k] === 'outside every region' ? 'outside-regions' : 'outside-districts', { id: sites.ids[i] }), value: `${sites.lon[i]} ${sites.lat[i]}`, id: sites.ids[i],
    }));
    const left = new Set(outside.index);
    const keep = Array.from({ length: sites.ids.length }, (_, i) => i).filter((i) => !left.has(i));
    return { sites: subsetPointLayer(sites, keep), rejects, reasons: outside.reasons };
  };
}

/**
 * The file row of each loaded site: the loaders keep the file's order and every row is loaded or
 * rejected, so the loaded rows are the ones not rejected, in order. Undefined when the report is
 * not this layer's alone (several files).
 */
export function loadedRows(report: LayerReport, loaded: number): number[] | undefined {
  if (report.loaded !== loaded || report.read !== report.loaded + report.rejected) return undefined;
  const rejected = new Set(report.rejects.map((r) => r.row));
  const rows: number[] = [];
  for (let row = 1; row <= report.read && rows.length < loaded; row++) if (!rejected.has(row)) rows.push(row);
  return rows.length === loaded ? rows : undefined;
}

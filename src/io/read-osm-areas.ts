/**
 * Areas from an OpenStreetMap .osm.pbf extract: boundary and multipolygon relations whose tags
 * match (administrative boundaries by admin_level, buildings), their member ways assembled into
 * polygons, and closed ways that match. Two passes over the file: the first finds the relations
 * (stored after the ways), the second the member ways they name.
 */
import area from '@turf/area';
import type { Geometry, Position } from 'geojson';
import { BundleError } from '../errors.ts';
import { OsmNodes } from './osm-nodes.ts';
import { decodeOsmPbfFile, type OsmTags } from './osm-pbf-decode.ts';
import { assembleArea, type WayLine } from './osm-rings.ts';
import { describeFilter, matchTags, type OsmTagFilter } from './osm-tag-filter.ts';
import type { RawTable, RawValue } from './raw-table.ts';
import { rejectReason, type RejectReason } from '../reject-reason.ts';

const KEPT_TAGS = ['name', 'admin_level', 'boundary', 'building', 'building:levels', 'ref', 'population'];
const AREA_RELATIONS = new Set(['multipolygon', 'boundary']);

interface Found {
  id: string;
  /** The OSM id of the way or relation. */
  osmId: number;
  tags: OsmTags;
  /** Member way ids (relations) or the way's own node ids (closed ways). */
  wayIds?: number[];
  nodes?: number[];
}

/** Storeys for the floor-area proxy: building:levels when it is a positive number, else 1. */
export function buildingLevels(tags: OsmTags): number {
  const v = Number.parseFloat(tags['building:levels'] ?? '');
  return Number.isFinite(v) && v > 0 ? v : 1;
}

export function readOsmAreas(file: string, bytes: Uint8Array, filter: OsmTagFilter): RawTable {
  const osmNodes = new OsmNodes();
  const found: Found[] = [];
  const wanted = new Set<number>();
  decodeOsmPbfFile(file, bytes, {
    node: osmNodes.add,
    way(id, refs, tags) {
      if (tags && refs.length >= 4 && refs[0] === refs[refs.length - 1] && matchTags(tags, filter)) found.push({ id: `way/${id}`, osmId: id, tags, nodes: refs });
    },
    relation(id, members, tags) {
      if (!tags || !AREA_RELATIONS.has(tags.type ?? '')) return;
      if (!matchTags(tags, filter)) return;
      const wayIds = members.filter((x) => x.type === 'way' && x.role !== 'subarea' && x.role !== 'label').map((x) => x.ref);
      for (const w of wayIds) wanted.add(w);
      found.push({ id: `relation/${id}`, osmId: id, tags, wayIds });
    },
  }, { ways: true });
  if (found.length === 0) throw new BundleError(file, `${file} has no areas tagged ${describeFilter(filter)} (closed ways or boundary/multipolygon relations); change "osmTags" in bundle.json or use an extract that holds them.`);
  // Boundary ways are often tagged like the relation they belong to: the relation stands for them.
  const areas = found.filter((f) => !(f.nodes && wanted.has(f.osmId)));
  const memberWays = new Map<number, number[]>();
  if (wanted.size > 0) {
    decodeOsmPbfFile(file, bytes, { node: () => undefined, way: (id, refs) => void (wanted.has(id) && memberWays.set(id, refs)) }, { ways: true });
  }
  let missingNodes = 0;
  const line = (refs: number[]): WayLine => {
    const nodes: number[] = [];
    const coords: Position[] = [];
    for (const ref of refs) {
      const at = osmNodes.find(ref);
      if (at < 0) missingNodes++;
      else {
        nodes.push(ref);
        coords.push([osmNodes.lon[at], osmNodes.lat[at]]);
      }
    }
    return { nodes, coords };
  };
  const geometry: (Geometry | null)[] = [];
  const rowErrors: (RejectReason | null)[] = [];
  const areaM2: RawValue[] = [];
  for (const f of areas) {
    const missingWays = (f.wayIds ?? []).filter((w) => !memberWays.has(w)).length;
    const ways = f.nodes ? [line(f.nodes)] : (f.wayIds ?? []).flatMap((w) => (memberWays.has(w) ? [line(memberWays.get(w) ?? [])] : []));
    const { geometry: g, openWays } = assembleArea(ways);
    geometry.push(g);
    areaM2.push(g ? Math.round(area(g) * 10) / 10 : null);
    rowErrors.push(g === null ? rejectReason('osm-area-open', { osmId: f.id, missingWays, openWays }) : null);
  }
  const values: Record<string, RawValue[]> = {
    id: areas.map((f) => f.id),
    area_m2: areaM2,
  };
  if ('building' in filter) values.floor_area_m2 = areas.map((f, i) => (areaM2[i] === null ? null : Math.round(Number(areaM2[i]) * buildingLevels(f.tags) * 10) / 10));
  for (const k of [...new Set([...KEPT_TAGS, ...Object.keys(filter)])]) values[k] = areas.map((f) => f.tags[k] ?? null);
  const notes = [`OSM areas matching ${JSON.stringify(filter)}: ${areas.length} (${areas.filter((f) => f.wayIds).length} relations, ${areas.filter((f) => f.nodes).length} closed ways)`];
  if ('building' in filter) notes.push('floor_area_m2 = footprint area × building:levels (1 where untagged): a proxy for where people live and work, not a head count');
  if (missingNodes > 0) notes.push(`${missingNodes} node references outside the extract were skipped`);
  return { file, columns: Object.keys(values), values, geometry, rowErrors, rowCount: areas.length, notes };
}

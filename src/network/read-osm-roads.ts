/**
 * Roads from an OpenStreetMap .osm.pbf extract: every way with a `highway` tag, its node
 * positions, `maxspeed`, `oneway` / `junction`, and access tags that close it to a mode. Which
 * classes a mode uses is the profile's business, not the reader's. Only the nodes the ways pass
 * through are kept.
 */
import { BundleError } from '../errors.ts';
import { OsmNodes } from '../io/osm-nodes.ts';
import { decodeOsmPbfFile, type OsmTags } from '../io/osm-pbf-decode.ts';
import { parseMaxspeed, parseOneway } from './profiles.ts';
import { FORBID_BIKE, FORBID_DRIVE, FORBID_WALK, RoadWaysBuilder, type RoadWays } from './road-ways.ts';

const CLOSED = new Set(['no', 'private']);

/** Access tags that close the way to a mode (the general `access` tag gives way to a mode's own). */
export function forbiddenModes(tags: OsmTags): number {
  const general = tags.access !== undefined && CLOSED.has(tags.access);
  const closed = (...keys: string[]): boolean => {
    for (const k of keys) if (tags[k] !== undefined) return CLOSED.has(tags[k]);
    return general;
  };
  let forbid = 0;
  if (closed('foot')) forbid |= FORBID_WALK;
  if (closed('bicycle', 'vehicle')) forbid |= FORBID_BIKE;
  if (closed('motorcar', 'motor_vehicle', 'vehicle')) forbid |= FORBID_DRIVE;
  // An area (a pedestrian square drawn as a closed way) is not a line to travel along.
  if (tags.area === 'yes') forbid |= FORBID_WALK | FORBID_BIKE | FORBID_DRIVE;
  return forbid;
}

export function readOsmRoads(file: string, bytes: Uint8Array): RoadWays {
  const nodes = new OsmNodes();
  const wayRefs: number[][] = [];
  const wayTags: OsmTags[] = [];
  decodeOsmPbfFile(file, bytes, {
    node: nodes.add,
    way(_id, refs, tags) {
      if (tags?.highway === undefined || refs.length < 2) return;
      wayRefs.push(refs);
      wayTags.push(tags);
    },
  }, { ways: true });
  if (wayRefs.length === 0) throw new BundleError(file, `${file} has no ways tagged highway=*; use an extract that includes the street network.`);
  // read position → kept node index (-1 not yet used)
  const kept = new Int32Array(nodes.ids.length).fill(-1);
  const keptPos: number[] = [];
  const builder = new RoadWaysBuilder();
  let missingRefs = 0;
  const way: number[] = [];
  for (let w = 0; w < wayRefs.length; w++) {
    way.length = 0;
    for (const ref of wayRefs[w]) {
      const at = nodes.find(ref);
      if (at < 0) {
        missingRefs++;
        continue;
      }
      if (kept[at] < 0) {
        kept[at] = keptPos.length;
        keptPos.push(at);
      }
      way.push(kept[at]);
    }
    if (way.length < 2) continue;
    const tags = wayTags[w];
    builder.add(way, { highway: tags.highway, maxspeed: parseMaxspeed(tags.maxspeed), speed: NaN, oneway: parseOneway(tags.oneway, tags.junction), forbid: forbiddenModes(tags) });
  }
  const notes = [`${builder.wayCount} highway ways through ${keptPos.length} nodes`];
  // Clipped extracts keep ways whole but drop the nodes outside the clip: those ways are cut short.
  if (missingRefs > 0) notes.push(`${missingRefs} node references outside the extract were skipped (ways cut at its edge)`);
  return builder.build(
    file,
    Float64Array.from(keptPos, (i) => nodes.lon[i]),
    Float64Array.from(keptPos, (i) => nodes.lat[i]),
    notes,
    Float64Array.from(keptPos, (i) => nodes.ids[i]),
  );
}

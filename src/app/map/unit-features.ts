/**
 * The features of the shown level: each polygon (or site point) with its unit index in the level
 * result, its name and its score. Units are matched to geometry by id, not by position.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FunnelResult, LevelResult } from '../worker/engine-types.ts';
import type { MapData, MapPolygons } from '../worker/messages.ts';
import { levelOf, type DrillPath } from '../state/drill-path.ts';
import { rewindForD3 } from '../../geo/rewind.ts';
import { reasonTexts } from '../table/reason-text.ts';

export interface UnitProps {
  unit: number;
  name: string;
  score: number;
  rank: number;
  kept: boolean;
  /** Why it is not kept, in words ('' when kept or not scored). */
  reason: string;
}
export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProps>;
export interface SiteDot extends UnitProps {
  lon: number;
  lat: number;
}

const indexCache = new WeakMap<LevelResult, Map<string, number>>();
function indexById(level: LevelResult): Map<string, number> {
  let index = indexCache.get(level);
  if (!index) {
    index = new Map(level.ids.map((id, i) => [id, i]));
    indexCache.set(level, index);
  }
  return index;
}

const geometryCache = new WeakMap<MapPolygons, (Polygon | MultiPolygon)[]>();
function geometriesOf(polygons: MapPolygons): (Polygon | MultiPolygon)[] {
  let g = geometryCache.get(polygons);
  if (!g) {
    g = polygons.geometries.map((geometry) => rewindForD3(geometry));
    geometryCache.set(polygons, g);
  }
  return g;
}

function features(polygons: MapPolygons, funnel: FunnelResult | null, level: LevelResult | undefined, keep: (unit: number, i: number) => boolean): UnitFeature[] {
  const index = level ? indexById(level) : new Map<string, number>();
  const reasons = funnel && level ? reasonTexts(funnel, level) : () => '';
  const geometries = geometriesOf(polygons);
  const out: UnitFeature[] = [];
  polygons.ids.forEach((id, i) => {
    const unit = index.get(id) ?? -1;
    if (!keep(unit, i)) return;
    out.push({
      type: 'Feature',
      geometry: geometries[i],
      properties: {
        unit,
        name: polygons.names[i] || id,
        score: unit >= 0 && level ? level.score[unit] : NaN,
        rank: unit >= 0 && level ? level.rank[unit] : 0,
        kept: unit >= 0 && level ? level.kept[unit] === 1 : false,
        reason: unit >= 0 ? reasons(unit) : '',
      },
    });
  });
  return out;
}

/** Sites drawn at most on the site-level map (the table lists them all). */
export const MAX_SITE_DOTS = 2000;

export interface ShownUnits {
  /** Polygons coloured by score (regions or districts), empty at the site level. */
  areas: UnitFeature[];
  /** Outline for context: the chosen region or district. */
  outline: UnitFeature[];
  /** Scored sites at the site level. */
  sites: SiteDot[];
}

export function shownUnits(map: MapData, funnel: FunnelResult | null, path: DrillPath): ShownUnits {
  const level = levelOf(path);
  if (level === 'region' || !funnel) {
    return { areas: map.regions ? features(map.regions, funnel, funnel?.regions, () => true) : [], outline: [], sites: [] };
  }
  const regionOutline = map.regions ? features(map.regions, funnel, funnel.regions, (unit) => unit === path.region) : [];
  if (level === 'district') {
    const areas = map.districts ? features(map.districts, funnel, funnel.districts, (unit) => unit >= 0 && funnel.districts.parent[unit] === path.region) : [];
    return { areas, outline: regionOutline, sites: [] };
  }
  const outline = map.districts ? features(map.districts, funnel, funnel.districts, (unit) => unit === path.district) : [];
  const s = funnel.sites;
  const sites: SiteDot[] = [];
  if (s.lon && s.lat) {
    let units: number[] = [];
    for (let i = 0; i < s.ids.length; i++) if (s.parent[i] === path.district) units.push(i);
    // An SVG map stays fluid up to a few thousand marks: beyond that it shows the best ones.
    if (units.length > MAX_SITE_DOTS) units = units.sort((a, b) => s.rank[a] - s.rank[b]).slice(0, MAX_SITE_DOTS);
    const reasons = reasonTexts(funnel, s);
    for (const i of units) sites.push({ unit: i, name: s.names[i] || s.ids[i], score: s.score[i], rank: s.rank[i], kept: s.kept[i] === 1, reason: reasons(i), lon: s.lon[i], lat: s.lat[i] });
  }
  return { areas: [], outline, sites };
}

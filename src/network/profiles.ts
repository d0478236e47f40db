/**
 * Travel profiles: which OSM `highway` classes each mode may use and at what speed (km/h). Walking
 * and cycling ignore one-way streets; driving follows `oneway` (and roundabouts) and takes a way's
 * `maxspeed` tag instead of its class speed where tagged.
 * The defaults are documented in README (Travel time); a scenario may override any of them.
 */
import { UsageError } from '../errors.ts';

export const PROFILE_NAMES = ['walk', 'bike', 'drive'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export interface Profile {
  name: ProfileName;
  /** Speed per allowed highway class, km/h; a class not listed is not used. */
  speeds: Record<string, number>;
  /** Follow `oneway` (and `junction=roundabout`) tags. */
  oneway: boolean;
  /** Use a way's `maxspeed` (km/h or mph) instead of the class speed where it is tagged. */
  maxspeed: boolean;
  /** Off-network legs (point → nearest street) are walked at this speed, km/h. */
  offNetworkSpeed: number;
}

const WALK = 4.8;
const BIKE = 15;

/** Classes with a footway or pavement a pedestrian may use. */
const WALKABLE = ['primary', 'primary_link', 'secondary', 'secondary_link', 'tertiary', 'tertiary_link', 'unclassified', 'residential', 'living_street', 'service', 'pedestrian', 'footway', 'path', 'steps', 'track', 'cycleway', 'road', 'trunk_link'];
const CYCLABLE = ['primary', 'primary_link', 'secondary', 'secondary_link', 'tertiary', 'tertiary_link', 'unclassified', 'residential', 'living_street', 'service', 'cycleway', 'path', 'track', 'road', 'trunk', 'trunk_link'];

/** Urban driving speeds by class, km/h (free flow, no congestion). */
const DRIVE_SPEEDS: Record<string, number> = {
  motorway: 90, motorway_link: 45, trunk: 70, trunk_link: 40, primary: 50, primary_link: 30,
  secondary: 40, secondary_link: 30, tertiary: 35, tertiary_link: 25, unclassified: 30,
  residential: 25, living_street: 10, service: 15, road: 25,
};

export const DEFAULT_PROFILES: Record<ProfileName, Profile> = {
  walk: { name: 'walk', speeds: Object.fromEntries(WALKABLE.map((c) => [c, c === 'steps' ? WALK / 2 : WALK])), oneway: false, maxspeed: false, offNetworkSpeed: WALK },
  bike: { name: 'bike', speeds: Object.fromEntries(CYCLABLE.map((c) => [c, c === 'track' || c === 'path' ? BIKE * 0.8 : BIKE])), oneway: false, maxspeed: false, offNetworkSpeed: WALK },
  drive: { name: 'drive', speeds: DRIVE_SPEEDS, oneway: true, maxspeed: true, offNetworkSpeed: WALK },
};

/** A scenario's changes to a profile: class speeds (0 forbids the class), one-ways, maxspeed. */
export interface ProfileOverride {
  speeds?: Record<string, number>;
  oneway?: boolean;
  maxspeed?: boolean;
  offNetworkSpeed?: number;
}

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

/** The named profile with the overrides applied. */
export function profileFor(name: string, override?: ProfileOverride): Profile {
  if (!isProfileName(name)) throw new UsageError(`unknown travel profile '${name}'; use one of ${PROFILE_NAMES.join(', ')}`);
  const base = DEFAULT_PROFILES[name];
  const changed = override?.speeds ?? {};
  for (const [cls, kmh] of Object.entries(changed)) {
    if (!(kmh >= 0)) throw new UsageError(`profile ${name}: speed of '${cls}' must be ≥ 0 km/h (0 forbids the class), not ${kmh}`);
  }
  const speeds = Object.fromEntries(Object.entries({ ...base.speeds, ...changed }).filter(([, kmh]) => kmh > 0));
  return {
    name,
    speeds,
    oneway: override?.oneway ?? base.oneway,
    maxspeed: override?.maxspeed ?? base.maxspeed,
    offNetworkSpeed: override?.offNetworkSpeed ?? base.offNetworkSpeed,
  };
}

/** OSM `maxspeed` → km/h ("50", "30 mph", "BR:urban" → NaN when not a number). */
export function parseMaxspeed(tag: string | undefined): number {
  if (!tag) return NaN;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?\s*$/i.exec(tag);
  if (!m) return NaN;
  const v = Number(m[1]);
  return m[2]?.toLowerCase() === 'mph' ? v * 1.609344 : v;
}

/** OSM `oneway` (and roundabouts) → 1 forward only, -1 backward only, 0 both ways. */
export function parseOneway(oneway: string | undefined, junction?: string): -1 | 0 | 1 {
  const v = oneway?.trim().toLowerCase();
  if (v === 'yes' || v === 'true' || v === '1') return 1;
  if (v === '-1' || v === 'reverse') return -1;
  if (v === 'no' || v === 'false' || v === '0') return 0;
  return junction === 'roundabout' || junction === 'circular' ? 1 : 0;
}

/**
 * Streets and the gazetteer. Streets are a slightly skewed grid (east–west and north–south, 700 m
 * apart) plus diagonal boulevards through the centre. About a third of the grid streets are split
 * into quadrants at the city's centre lines (Pine Street Northwest / Northeast …) and number outward
 * from them, so the same house number exists on several streets of the same name. Addresses are
 * laid every 45 m, odd numbers on one side and even on the other, kept with a probability that
 * follows population density (few addresses in empty outskirts).
 */
import { densityAt, type Centre } from './city.ts';
import { STREET_STEMS } from './names.ts';
import { pointInRing, type Xy } from './plane.ts';
import type { Rng } from './prng.ts';

export const STREET_SPACING = 700;
const ADDRESS_STEP = 45;
const HALF_EXTENT = 15_000;

export const DIRECTIONS = ['Northwest', 'Northeast', 'Southwest', 'Southeast'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Street {
  stem: string;
  type: string;
  /** Quadrant-numbered streets; '' for streets numbered from one end. */
  directional: boolean;
  from: Xy;
  to: Xy;
}

export interface AddressPoint {
  number: number;
  stem: string;
  type: string;
  direction: Direction | '';
  xy: Xy;
}

export function streetName(a: Pick<AddressPoint, 'stem' | 'type' | 'direction'>): string {
  return a.direction ? `${a.stem} ${a.type} ${a.direction}` : `${a.stem} ${a.type}`;
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function makeStreets(rng: Rng, centres: readonly Centre[]): Street[] {
  const stems = shuffled(STREET_STEMS, rng);
  const streets: Street[] = [];
  const used = new Set<string>();
  let next = 0;
  const add = (types: readonly string[], from: Xy, to: Xy, directional: boolean, reuseStem?: string): void => {
    let stem = reuseStem ?? stems[next++ % stems.length];
    let type = rng.pick(types);
    for (let guard = 0; used.has(`${stem} ${type}`); guard++) {
      if (guard < 4) type = rng.pick(types);
      else stem = stems[next++ % stems.length];
    }
    used.add(`${stem} ${type}`);
    streets.push({ stem, type, directional, from, to });
  };
  const lines = Math.floor((2 * HALF_EXTENT) / STREET_SPACING);
  for (let i = 0; i <= lines; i++) {
    const offset = -HALF_EXTENT + i * STREET_SPACING + rng.range(-120, 120);
    const tilt = Math.tan(rng.range(-0.05, 0.05)) * HALF_EXTENT;
    const directional = rng.next() < 0.35;
    add(['Road', 'Street', 'Lane'], [-HALF_EXTENT, offset - tilt], [HALF_EXTENT, offset + tilt], directional);
    // One north–south street in four reuses an east–west stem with another type (Pine Street / Pine Avenue).
    const reuse = i % 4 === 0 ? streets[streets.length - 1].stem : undefined;
    add(['Avenue', 'Street', 'Drive'], [offset - tilt, -HALF_EXTENT], [offset + tilt, HALF_EXTENT], rng.next() < 0.35, reuse);
  }
  const [cx, cy] = centres[0].xy;
  for (const angle of [0.5, 1.1, 2.1, 2.6]) {
    const dx = Math.cos(angle) * HALF_EXTENT * 1.3;
    const dy = Math.sin(angle) * HALF_EXTENT * 1.3;
    add(['Boulevard'], [cx - dx, cy - dy], [cx + dx, cy + dy], false);
  }
  return streets;
}

function quadrant([x, y]: Xy): Direction {
  return y >= 0 ? (x < 0 ? 'Northwest' : 'Northeast') : x < 0 ? 'Southwest' : 'Southeast';
}

export function makeAddresses(rng: Rng, streets: readonly Street[], outline: readonly Xy[], centres: readonly Centre[]): AddressPoint[] {
  const out: AddressPoint[] = [];
  for (const s of streets) {
    const length = Math.hypot(s.to[0] - s.from[0], s.to[1] - s.from[1]);
    const ux = (s.to[0] - s.from[0]) / length;
    const uy = (s.to[1] - s.from[1]) / length;
    // Directional streets number outward from the centre line they cross (x = 0 or y = 0).
    const eastWest = Math.abs(ux) > Math.abs(uy);
    const crossing = eastWest ? -s.from[0] / ux : -s.from[1] / uy; // distance along the street to the centre line
    let firstInside = -1;
    for (let k = 0; k * ADDRESS_STEP <= length; k++) {
      const onLine: Xy = [s.from[0] + ux * k * ADDRESS_STEP, s.from[1] + uy * k * ADDRESS_STEP];
      if (!pointInRing(onLine[0], onLine[1], outline)) continue;
      if (firstInside < 0) firstInside = k;
      const keep = Math.min(1, densityAt(onLine, centres) / 0.2) * 0.9;
      if (rng.next() >= keep) continue;
      const odd = rng.next() < 0.5;
      const side = odd ? 12 : -12;
      const xy: Xy = [onLine[0] - uy * side, onLine[1] + ux * side];
      const ordinal = s.directional
        ? Math.floor(Math.abs(k * ADDRESS_STEP - crossing) / ADDRESS_STEP)
        : k - firstInside;
      out.push({
        number: 2 * ordinal + (odd ? 1 : 2),
        stem: s.stem,
        type: s.type,
        direction: s.directional ? quadrant(onLine) : '',
        xy,
      });
    }
  }
  return out;
}

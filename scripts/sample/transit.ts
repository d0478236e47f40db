/**
 * Transit: three metro lines threaded through the centres (a station about every 1.1 km) and bus
 * stops placed along the streets, at least 350 m apart, more of them where addresses are dense.
 */
import type { Centre } from './city.ts';
import { pointInRing, type Xy } from './plane.ts';
import type { Rng } from './prng.ts';
import type { AddressPoint } from './streets.ts';

export interface Stop {
  id: string;
  xy: Xy;
  mode: 'metro' | 'bus';
  line: string;
  name: string;
  weight: number;
}

const STATION_SPACING = 1_100;
const BUS_SPACING = 350;
const BUS_STOPS = 1_400;

function stationsAlong(path: Xy[]): Xy[] {
  const out: Xy[] = [path[0]];
  let carried = 0;
  for (let s = 1; s < path.length; s++) {
    const [x0, y0] = path[s - 1];
    const [x1, y1] = path[s];
    const length = Math.hypot(x1 - x0, y1 - y0);
    let t = STATION_SPACING - carried;
    for (; t <= length; t += STATION_SPACING) out.push([x0 + ((x1 - x0) * t) / length, y0 + ((y1 - y0) * t) / length]);
    carried = length - (t - STATION_SPACING);
  }
  return out;
}

export function makeTransit(rng: Rng, outline: readonly Xy[], centres: readonly Centre[], addresses: readonly AddressPoint[]): Stop[] {
  const [central, north, west, east, south] = centres.map((c) => c.xy);
  const lines: { line: string; path: Xy[] }[] = [
    { line: 'Line 1', path: [[-12_000, -2_500], west, central, east, [11_500, -3_500]] },
    { line: 'Line 2', path: [[2_000, 12_000], north, central, south, [-1_500, -11_500]] },
    { line: 'Line 3', path: [west, [-4_000, 5_000], north, [8_500, 4_000], east] },
  ];
  const out: Stop[] = [];
  for (const { line, path } of lines) {
    stationsAlong(path).filter(([x, y]) => pointInRing(x, y, outline)).forEach((xy, i) => {
      out.push({ id: `M${String(out.length + 1).padStart(3, '0')}`, xy, mode: 'metro', line, name: `${line} station ${i + 1}`, weight: 3 });
    });
  }
  const taken = new Map<string, Xy[]>();
  const key = (x: number, y: number): string => `${Math.floor(x / BUS_SPACING)},${Math.floor(y / BUS_SPACING)}`;
  const farEnough = ([x, y]: Xy): boolean => {
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
      for (const [px, py] of taken.get(key(x + dx * BUS_SPACING, y + dy * BUS_SPACING)) ?? []) {
        if (Math.hypot(px - x, py - y) < BUS_SPACING) return false;
      }
    }
    return true;
  };
  let bus = 0;
  for (let tries = 0; bus < BUS_STOPS && tries < 200_000; tries++) {
    const a = addresses[Math.floor(rng.next() * addresses.length)];
    if (!farEnough(a.xy)) continue;
    const k = key(a.xy[0], a.xy[1]);
    taken.set(k, [...(taken.get(k) ?? []), a.xy]);
    bus++;
    out.push({ id: `B${String(bus).padStart(4, '0')}`, xy: a.xy, mode: 'bus', line: `Route ${1 + (bus % 60)}`, name: `${a.stem} ${a.type} stop`, weight: 1 });
  }
  return out;
}

/**
 * Each GTFS stop's mode from the routes that serve it (routes.txt route_type, through trips.txt
 * and stop_times.txt). A stop served by several kinds takes the heaviest: metro > rail > tram >
 * ferry > bus. Basic route types 0–12 and the extended (Google) 100–1700 ranges are understood.
 */
import { parseCsv } from './csv.ts';

const RANK: Record<string, number> = { metro: 6, rail: 5, monorail: 5, tram: 4, ferry: 3, cable: 2, bus: 1, '': 0 };

export function modeOfRouteType(type: number): string {
  if (type === 1 || (type >= 400 && type < 500)) return 'metro';
  if (type === 2 || (type >= 100 && type < 200)) return 'rail';
  if (type === 12 || type === 405) return 'monorail';
  if (type === 0 || type === 5 || (type >= 900 && type < 1000)) return 'tram';
  if (type === 4 || (type >= 1000 && type < 1300)) return 'ferry';
  if (type === 6 || type === 7 || (type >= 1300 && type < 1500)) return 'cable';
  if (type === 3 || type === 11 || (type >= 200 && type < 300) || (type >= 700 && type < 900)) return 'bus';
  return '';
}

function table(text: string): { col: (name: string) => string[] | undefined } {
  const p = parseCsv(text.replace(/^\uFEFF/, ''), ',');
  return { col: (name) => p.columns[p.header.indexOf(name)] };
}

/** stop_id → mode, or null when the feed lacks the files to tell. */
export function gtfsStopModes(routes: string, trips: string, stopTimes: string): Map<string, string> | null {
  const r = table(routes);
  const t = table(trips);
  const st = table(stopTimes);
  const routeIds = r.col('route_id');
  const routeTypes = r.col('route_type');
  const tripRoutes = t.col('route_id');
  const tripIds = t.col('trip_id');
  const stTrips = st.col('trip_id');
  const stStops = st.col('stop_id');
  if (!routeIds || !routeTypes || !tripRoutes || !tripIds || !stTrips || !stStops) return null;
  const routeMode = new Map<string, string>();
  routeIds.forEach((id, i) => routeMode.set(id, modeOfRouteType(Number(routeTypes[i]))));
  const tripMode = new Map<string, string>();
  tripIds.forEach((id, i) => tripMode.set(id, routeMode.get(tripRoutes[i]) ?? ''));
  const stopMode = new Map<string, string>();
  for (let i = 0; i < stStops.length; i++) {
    const mode = tripMode.get(stTrips[i]) ?? '';
    const stop = stStops[i];
    const had = stopMode.get(stop);
    if (had === undefined || RANK[mode] > RANK[had]) stopMode.set(stop, mode);
  }
  return stopMode;
}

/** Stop modes from a hand-made three-route feed: the heaviest mode serving a stop wins. */
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { gtfsStopModes, modeOfRouteType } from '../../src/io/gtfs-modes.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';

const routes = 'route_id,route_type\nB,3\nT,0\nM,401\n';
const trips = 'route_id,service_id,trip_id\nB,x,b1\nT,x,t1\nM,x,m1\n';
// s1: bus only; s2: bus and tram; s3: tram and metro; s4: in no trip
const stopTimes = 'trip_id,arrival_time,departure_time,stop_id,stop_sequence\nb1,,,s1,1\nb1,,,s2,2\nt1,,,s2,1\nt1,,,s3,2\nm1,,,s3,1\n';
const stops = 'stop_id,stop_name,stop_lat,stop_lon\ns1,One,1,1\ns2,Two,1,2\ns3,Three,1,3\ns4,Four,1,4\n';

describe('GTFS stop modes', () => {
  it('maps basic and extended route types', () => {
    expect([0, 1, 2, 3, 4, 11, 109, 401, 700, 900, 1000].map(modeOfRouteType)).toEqual(['tram', 'metro', 'rail', 'bus', 'ferry', 'bus', 'rail', 'metro', 'bus', 'tram', 'ferry']);
  });

  it('gives each stop the heaviest mode serving it', () => {
    const modes = gtfsStopModes(routes, trips, stopTimes);
    expect(Object.fromEntries(modes ?? [])).toEqual({ s1: 'bus', s2: 'tram', s3: 'metro' });
  });

  it('adds the mode column when loading a feed zip; unserved stops get no mode', async () => {
    const zip = zipSync({ 'stops.txt': strToU8(stops), 'routes.txt': strToU8(routes), 'trips.txt': strToU8(trips), 'stop_times.txt': strToU8(stopTimes) });
    const { layer, report } = await loadLayerFile('feed.zip', zip, { layer: 'transit', file: 'feed.zip' });
    expect(report.loaded).toBe(4);
    expect(layer.kind === 'point' && layer.text.mode).toEqual(['bus', 'tram', 'metro', '']);
    expect(layer.kind === 'point' && layer.text.name).toEqual(['One', 'Two', 'Three', 'Four']);
  });
});

/** The river fixture of river.test.ts as line GeoJSON (units of 0.001° at the equator). */
export const UNIT = (6371008.8 * Math.PI) / 180 / 1000;
const u = (x: number, y: number): [number, number] => [x / 1000, y / 1000];
const line = (props: Record<string, string>, ...pts: [number, number][]): object => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: pts } });

export const riverRoads = {
  type: 'FeatureCollection',
  features: [
    line({ highway: 'residential' }, u(1, 0), u(1, 1), u(1, 2), u(1, 3), u(1, 4)),
    line({ highway: 'residential' }, u(2, 0), u(2, 1), u(2, 2), u(2, 3), u(2, 4)),
    line({ highway: 'residential', oneway: 'yes' }, u(1, 4), u(2, 4)),
    line({ highway: 'footway' }, u(1, 2), u(2, 2)),
  ],
};


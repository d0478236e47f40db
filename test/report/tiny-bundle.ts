/**
 * A hand-made bundle small enough to check by eye: one region near 10°E 50°N split into two
 * districts, three households, two candidate sites. Names carry markup (`EVIL`) to test escaping.
 * Platform-neutral (file contents as text), so the Node tests and the browser page share it.
 */
export const EVIL = '<img src=x onerror=alert(1)>';
export const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

/** An axis-aligned square ring, anticlockwise (GeoJSON's right-hand rule). */
const square = (w: number, s: number, e: number, n: number): number[][][] => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const feature = (props: Record<string, string>, coordinates: number[][][]) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates } });

export function tinyBundleFiles(): Record<string, string> {
  return {
    'regions.geojson': JSON.stringify({ type: 'FeatureCollection', features: [feature({ id: 'R1', name: 'Only region' }, square(10, 50, 10.02, 50.02))] }),
    'districts.geojson': JSON.stringify({
      type: 'FeatureCollection',
      features: [feature({ id: 'D1', name: 'West', region: 'R1' }, square(10, 50, 10.01, 50.02)), feature({ id: 'D2', name: EVIL, region: 'R1' }, square(10.01, 50, 10.02, 50.02))],
    }),
    'demand.csv': 'id,lon,lat,population\nH1,10.005,50.01,100\nH2,10.015,50.01,300\nH3,10.016,50.012,200\n',
    'candidates.csv': `id,name,lon,lat\nS1,"${EVIL.replace(/"/g, '""')}",10.015,50.011\nS2,Plain site,10.004,50.009\n`,
    'bundle.json': JSON.stringify({
      version: 1, name: `Tiny ${EVIL}`, attribution: `Made by hand ${EVIL}`, crs: 'wgs84',
      layers: [
        { layer: 'regions', file: 'regions.geojson', columns: { id: 'id', name: 'name' } },
        { layer: 'districts', file: 'districts.geojson', columns: { id: 'id', name: 'name', region: 'region' } },
        { layer: 'demand', file: 'demand.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', population: 'population' } },
        { layer: 'candidates', file: 'candidates.csv', columns: { id: 'id', name: 'name', lon: 'lon', lat: 'lat' } },
      ],
    }),
    'scenario.json': JSON.stringify({ version: 1, name: `Demand only ${EVIL}`, criteria: [{ id: 'demand', kind: 'demand', label: `Residents ${EVIL}`, radius: 1000 }] }),
  };
}

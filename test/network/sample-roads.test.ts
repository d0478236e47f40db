/** The sample city's street network (data/sample/roads.geojson, from scripts/sample/roads.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGeoJson } from '../../src/io/read-geojson.ts';
import { readCsvText } from '../../src/io/read-csv.ts';
import { buildGraph } from '../../src/network/build-graph.ts';
import { largestComponentSegments } from '../../src/network/components.ts';
import { costMatrix } from '../../src/network/cost-matrix.ts';
import { profileFor } from '../../src/network/profiles.ts';
import { readLineRoads } from '../../src/network/read-line-roads.ts';
import { Router } from '../../src/network/router.ts';

const dir = new URL('../../data/sample/', import.meta.url);
const ways = readLineRoads(readGeoJson('roads.geojson', new Uint8Array(readFileSync(new URL('roads.geojson', dir)))));
const demand = readCsvText('demand.csv', readFileSync(new URL('demand.csv', dir), 'utf8'));
const points = { lon: Float64Array.from(demand.values.lon, Number), lat: Float64Array.from(demand.values.lat, Number) };

describe('the sample city’s roads', () => {
  it('is named in bundle.json and joined into one network at the street crossings', () => {
    expect(JSON.parse(readFileSync(new URL('bundle.json', dir), 'utf8')).roads).toEqual({ file: 'roads.geojson' });
    const graph = buildGraph(ways, profileFor('walk'));
    expect(Array.from(largestComponentSegments(graph)).every((k) => k === 1)).toBe(true);
  });

  it('reaches all but a few edge cells within the 500 m snap limit; those it reports are farther than that', () => {
    const router = new Router(buildGraph(ways, profileFor('walk')), 'length');
    const { unsnapped } = router.snap(points);
    expect(unsnapped.length).toBeLessThan(points.lon.length / 1000);
    const wider = router.snap(points, 5000);
    expect(wider.unsnapped).toEqual([]);
    for (const i of unsnapped) expect(wider.offset[i]).toBeGreaterThan(500);
  });

  it('one-way lanes make some drives longer one way than the other', () => {
    const router = new Router(buildGraph(ways, profileFor('drive')), 'time');
    const some = { lon: points.lon.filter((_, i) => i % 300 === 0), lat: points.lat.filter((_, i) => i % 300 === 0) };
    const n = some.lon.length;
    const m = costMatrix(router, some, some);
    const d = new Float64Array(n * n);
    for (let k = 0; k < m.value.length; k++) d[m.from[k] * n + m.to[k]] = m.value[k];
    let differ = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (Math.abs(d[i * n + j] - d[j * n + i]) > 1) differ++;
    expect(m.value.length).toBe(n * n);
    expect(differ).toBeGreaterThan(0);
  });
});

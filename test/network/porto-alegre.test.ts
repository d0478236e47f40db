/**
 * The real extract (../shared/data/porto-alegre/poa_osm.pbf) with the hexgrid cell centres as
 * points: properties any shortest path must have, checked pair by pair.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haversine } from '../../src/geo/haversine.ts';
import { buildGraph } from '../../src/network/build-graph.ts';
import { costMatrix } from '../../src/network/cost-matrix.ts';
import { profileFor } from '../../src/network/profiles.ts';
import { readOsmRoads } from '../../src/network/read-osm-roads.ts';
import { Router } from '../../src/network/router.ts';

const DIR = new URL('../../../shared/data/porto-alegre/', import.meta.url);
const ways = readOsmRoads('poa_osm.pbf', new Uint8Array(readFileSync(new URL('poa_osm.pbf', DIR))));
const rows = readFileSync(new URL('poa_hexgrid.csv', DIR), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
// every 12th cell: ~100 points spread over the city
const sample = rows.filter((_, i) => i % 12 === 0);
const points = { lon: Float64Array.from(sample, (r) => Number(r[1])), lat: Float64Array.from(sample, (r) => Number(r[2])) };

function dense(m: ReturnType<typeof costMatrix>, n: number): Float64Array {
  const d = new Float64Array(n * n).fill(Infinity);
  for (let k = 0; k < m.value.length; k++) d[m.from[k] * n + m.to[k]] = m.value[k];
  return d;
}

describe('Porto Alegre extract', () => {
  const n = sample.length;
  const walk = new Router(buildGraph(ways, profileFor('walk')), 'length');
  const walkLengths = dense(costMatrix(walk, points, points), n);

  it('no walking route is shorter than the straight line, and most cells reach each other', () => {
    let reached = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const d = walkLengths[i * n + j];
        if (!Number.isFinite(d)) continue;
        reached++;
        expect(d).toBeGreaterThanOrEqual(haversine(points.lon[i], points.lat[i], points.lon[j], points.lat[j]) - 0.5);
      }
      expect(walkLengths[i * n + i]).toBeCloseTo(0, 6);
    }
    expect(reached / (n * n)).toBeGreaterThan(0.95);
  });

  it('walking is symmetric; the triangle inequality holds', () => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(walkLengths[i * n + j]).toBeCloseTo(walkLengths[j * n + i], 6);
        const k = (i * 7 + j) % n;
        expect(walkLengths[i * n + j]).toBeLessThanOrEqual(walkLengths[i * n + k] + walkLengths[k * n + j] + 1e-6);
      }
    }
  });

  it('driving follows one-way streets: some trips differ by direction; costs "to" are costs "from" transposed', () => {
    const drive = new Router(buildGraph(ways, profileFor('drive')), 'time');
    const from = dense(costMatrix(drive, points, points), n);
    const to = dense(costMatrix(drive, points, points, { direction: 'to' }), n);
    let asymmetric = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (Math.abs(from[i * n + j] - from[j * n + i]) > 1) asymmetric++;
        expect(to[i * n + j]).toBeCloseTo(from[j * n + i], 6);
      }
    }
    expect(asymmetric).toBeGreaterThan(n);
  });

  it('a bound keeps exactly the pairs of the unbounded matrix within it', () => {
    const bounded = costMatrix(walk, points, points, { max: 2000 });
    const expected = walkLengths.filter((d) => d <= 2000).length;
    expect(bounded.value.length).toBe(expected);
    for (let k = 0; k < bounded.value.length; k++) expect(bounded.value[k]).toBeCloseTo(walkLengths[bounded.from[k] * n + bounded.to[k]], 9);
  });
});

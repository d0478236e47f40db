/**
 * The convenience doors check their input and build the same cost structure the solver sees.
 * Bundle door on the real SF centroids/stores (great-circle metres, checked pair by pair against
 * haversine); table door rejects named by row; matrix door drops unreachable pairs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedBundle, PointLayer } from '../../src/data/layer.ts';
import { haversine } from '../../src/geo/haversine.ts';
import { costsFromCsv, costTableFromCsv, optimize, pairsWithinRadius, problemFromBundle, problemFromCostCsv, problemFromCostMatrix, problemFromCostTable } from '../../src/optimize/index.ts';
import { bruteForce, subsets } from './sf-reference.ts';

const SF = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'sf-spopt');

function readPoints(file: string, idCol: string, layer: 'demand' | 'network' | 'candidates', weightCol?: string): PointLayer {
  const lines = readFileSync(path.join(SF, file), 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',').map((h) => h.replace(/"/g, ''));
  const rows = lines.slice(1).map((l) => l.split(',').map((v) => v.replace(/"/g, '')));
  const col = (name: string) => head.indexOf(name);
  return {
    kind: 'point',
    layer,
    ids: rows.map((r) => r[col(idCol)]),
    lon: Float64Array.from(rows, (r) => Number(r[col('long')])),
    lat: Float64Array.from(rows, (r) => Number(r[col('lat')])),
    numeric: weightCol ? { population: Float64Array.from(rows, (r) => Number(r[col(weightCol)])) } : {},
    text: {},
  };
}

const tracts = readPoints('SF_demand_205_centroid_uniform_weight.csv', 'NAME', 'demand', 'POP2000');
const stores = readPoints('SF_store_site_16_longlat.csv', 'NAME', 'candidates');

describe('bundle door (SF centroids × stores, great-circle)', () => {
  it('pairs within 2 km are exactly the haversine pairs <= 2 000 m', () => {
    const pairs = pairsWithinRadius(tracts, stores, 2000);
    let expected = 0;
    for (let j = 0; j < 16; j++) {
      const got = new Map<number, number>();
      for (let k = pairs.start[j]; k < pairs.start[j + 1]; k++) got.set(pairs.demand[k], pairs.cost[k]);
      for (let i = 0; i < 205; i++) {
        const d = haversine(stores.lon[j], stores.lat[j], tracts.lon[i], tracts.lat[i]);
        if (d <= 2000) {
          expected++;
          expect(got.get(i)).toBeCloseTo(d, 6);
        } else expect(got.has(i)).toBe(false);
      }
    }
    expect(pairs.demand.length).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });

  it('cell-ordered pairs are the same pairs, renumbered through demandOrder', () => {
    const plain = pairsWithinRadius(tracts, stores, 2000);
    const cell = pairsWithinRadius(tracts, stores, 2000, undefined, true);
    expect(Array.from(cell.start)).toEqual(Array.from(plain.start));
    const order = cell.demandOrder!;
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 205 }, (_, i) => i));
    for (let j = 0; j < 16; j++) {
      const a = Array.from(plain.demand.subarray(plain.start[j], plain.start[j + 1])).sort((x, y) => x - y);
      const b = Array.from(cell.demand.subarray(cell.start[j], cell.start[j + 1]), (t) => order[t]).sort((x, y) => x - y);
      expect(b).toEqual(a);
    }
  });

  it('MCLP through the bundle door, with two stores as the own network (fixed, counted)', async () => {
    // Own network = Store_1 and Store_2 (moved from candidates); choose 2 of the other 14.
    const own = [0, 1];
    const rest = Array.from({ length: 14 }, (_, t) => t + 2);
    const pick = (idx: number[], layer: 'network' | 'candidates'): PointLayer => ({
      kind: 'point', layer, ids: idx.map((j) => stores.ids[j]), lon: Float64Array.from(idx, (j) => stores.lon[j]), lat: Float64Array.from(idx, (j) => stores.lat[j]), numeric: {}, text: {},
    });
    const bundle: LoadedBundle = { name: 'sf', synthetic: false, demand: tracts, candidates: pick(rest, 'candidates'), network: pick(own, 'network'), reports: [] };
    const problem = problemFromBundle(bundle, { model: 'mclp', p: 2, radius: 3000 });
    expect(problem.costs.facilityIds.slice(-2)).toEqual(['own:Store_1', 'own:Store_2']);
    const r = await optimize(problem);
    expect(r.selectedIds).toEqual(expect.arrayContaining(['own:Store_1', 'own:Store_2']));
    expect(r.selected).toHaveLength(4);
    // Brute force over all 16 stores, sets containing stores 0 and 1, haversine distances.
    const w = tracts.numeric.population;
    const covered = (set: number[]) => {
      let s = 0;
      for (let i = 0; i < 205; i++) if (set.some((j) => haversine(stores.lon[j], stores.lat[j], tracts.lon[i], tracts.lat[i]) <= 3000)) s += w[i];
      return s;
    };
    const brute = bruteForce(16, 4, covered, true, own);
    expect(brute.count).toBe(91);
    expect(r.objective).toBeCloseTo(brute.best, 6);
  });

  it('p-median through the bundle door uses every pair and matches enumeration', async () => {
    const bundle: LoadedBundle = { name: 'sf', synthetic: false, demand: tracts, candidates: stores, reports: [] };
    const problem = problemFromBundle(bundle, { model: 'pmedian', p: 3 });
    expect(problem.costs.cost.length).toBe(205 * 16);
    const r = await optimize(problem);
    const w = tracts.numeric.population;
    const cost = (set: number[]) => {
      let s = 0;
      for (let i = 0; i < 205; i++) s += w[i] * Math.min(...set.map((j) => haversine(stores.lon[j], stores.lat[j], tracts.lon[i], tracts.lat[i])));
      return s;
    };
    let best = Infinity;
    for (const set of subsets(16, 3)) best = Math.min(best, cost(set));
    expect(r.objective / best).toBeCloseTo(1, 9);
  });

  it('generates a lattice when the bundle has no candidates', () => {
    const bundle: LoadedBundle = { name: 'sf', synthetic: false, demand: tracts, reports: [] };
    const problem = problemFromBundle(bundle, { model: 'mclp', p: 2, radius: 1000, latticeSpacing: 1000 });
    // SF's tracts span ~11 × 13 km: a 1 km lattice has ~150 points, fewer once empty ones are dropped.
    expect(problem.costs.m).toBeGreaterThan(60);
    expect(problem.costs.m).toBeLessThan(200);
    expect(problem.costs.facilityIds[0]).toMatch(/^lattice-/);
  });
});

describe('cost-table door', () => {
  const csv = 'o,d,c,w\na,X,10,5\na,Y,20,5\nb,X,oops,3\nb,Y,5,3\nb,Y,6,3\nc,X,7,4\nc,Y,8,9\n';
  it('turns bad rows into rejects naming the row, and keeps the rest', () => {
    const table = costTableFromCsv('costs.csv', csv);
    const { problem, rejects } = problemFromCostTable({ model: 'pmedian', table, columns: { origin: 'o', destination: 'd', cost: 'c', weight: 'w' }, p: 1 });
    expect(rejects.map((r) => [r.row, r.column])).toEqual([[3, 'c'], [5, 'd'], [7, 'w']]);
    expect(problem.costs.demandIds).toEqual(['a', 'b', 'c']);
    expect(problem.costs.facilityIds).toEqual(['X', 'Y']);
    expect(Array.from(problem.costs.weights)).toEqual([5, 3, 4]);
    // b–X was rejected so b reaches only Y; c–Y was rejected (weight mismatch), so c reaches only X.
    expect(problem.costs.cost.length).toBe(4);
  });

  it('reads the CSV straight into typed arrays with the same pairs and rejects as the table door', () => {
    const cols = { origin: 'o', destination: 'd', cost: 'c', weight: 'w' };
    const viaTable = problemFromCostTable({ model: 'pmedian', table: costTableFromCsv('costs.csv', csv), columns: cols, p: 1 });
    const viaCsv = problemFromCostCsv({ model: 'pmedian', file: 'costs.csv', text: csv, columns: cols, p: 1 });
    expect(viaCsv.rejects).toEqual(viaTable.rejects);
    expect(viaCsv.problem.costs).toEqual(viaTable.problem.costs);
    // Quoted fields, a doubled quote, CRLF and a BOM: origin 'a "1"' reaches X at 3 and Y at 4.
    const quoted = '\ufeffo;d;c;w\r\n"a ""1""";X;3;2\r\n"a ""1""";"Y";4;2\r\n';
    const q = problemFromCostCsv({ model: 'pmedian', file: 'q.csv', text: quoted, columns: cols, p: 1 });
    expect(q.rejects).toEqual([]);
    expect(q.problem.costs.demandIds).toEqual(['a "1"']);
    expect(q.problem.costs.facilityIds).toEqual(['X', 'Y']);
    expect(Array.from(q.problem.costs.cost)).toEqual([3, 4]);
    expect(() => problemFromCostCsv({ model: 'pmedian', file: 'q.csv', text: 'o,d\n', columns: cols, p: 1 })).toThrow(/q\.csv has no column 'c' for the cost/);
  });

  it('reads the CSV in blocks cut anywhere (inside a quoted field, between CR and LF) with the same pairs and rejects', () => {
    const cols = { origin: 'o', destination: 'd', cost: 'c', weight: 'w' };
    const text = 'sep=;\r\no;d;c;w\r\n"a\r\n""1""";X;3,5;2\r\n"a\r\n""1""";Y;4;2\r\nb;X;;1\r\n\r\nb;Y;1,25;1\r\n';
    const whole = costsFromCsv('q.csv', text, cols);
    // Semicolon file: 3,5 and 1,25 are decimals; row 3 has no cost (the blank line is not a row).
    expect(whole.rejects).toEqual([{ row: 3, column: 'c', code: 'cost-not-number', params: {}, reason: 'cost is not a number >= 0', value: '' }]);
    expect(whole.costs.demandIds).toEqual(['a\r\n"1"', 'b']);
    expect(Array.from(whole.costs.cost)).toEqual([3.5, 4, 1.25]);
    for (const block of [1, 2, 3, 5, 8, 13]) expect(costsFromCsv('q.csv', text, cols, block)).toEqual(whole);
  });

  it('names the file and the missing column', () => {
    const table = costTableFromCsv('costs.csv', csv);
    expect(() => problemFromCostTable({ model: 'mclp', table, columns: { origin: 'o', destination: 'dest', cost: 'c', weight: 'w' }, p: 1, radius: 5 })).toThrow(/costs\.csv has no column 'dest'.*--destination-col/);
  });

  it('p-median on it: one site must serve a (X 10, Y 20), b (Y 5 only), c (X 7 only) — infeasible; two sites cost 5·10 + 3·5 + 4·7 = 93', async () => {
    const table = costTableFromCsv('costs.csv', csv);
    const cols = { origin: 'o', destination: 'd', cost: 'c', weight: 'w' };
    const two = problemFromCostTable({ model: 'pmedian', table, columns: cols, p: 2 }).problem;
    const r = await optimize(two);
    expect(r.objective).toBeCloseTo(93, 9);
    expect(r.selectedIds).toEqual(['X', 'Y']);
    // p = 1 still solves: c cannot reach Y and b cannot reach X, so p-median finds no solution.
    const one = problemFromCostTable({ model: 'pmedian', table, columns: cols, p: 1 }).problem;
    await expect(optimize(one)).rejects.toThrow(/no solution|Infeasible/);
  });
});

describe('cost-matrix door', () => {
  it('drops non-finite entries as unreachable and checks its shape', () => {
    const cost = Float64Array.of(1, Infinity, NaN, 2);
    const problem = problemFromCostMatrix({ model: 'pmedian', cost, n: 2, m: 2, weights: Float64Array.of(1, 1), p: 2 });
    expect(Array.from(problem.costs.start)).toEqual([0, 1, 2]);
    expect(() => problemFromCostMatrix({ model: 'pmedian', cost, n: 3, m: 2, weights: Float64Array.of(1, 1, 1), p: 1 })).toThrow(/3 demand × 2 facilities needs 6/);
  });

  it('rejects a p larger than the facilities and an unknown fixed id', async () => {
    const cost = Float64Array.of(1, 2, 3, 4);
    const p3 = problemFromCostMatrix({ model: 'pmedian', cost, n: 2, m: 2, weights: Float64Array.of(1, 1), p: 3 });
    await expect(optimize(p3)).rejects.toThrow(/cannot open 3 new sites beside 0 fixed ones: there are only 2/);
    expect(() => problemFromCostMatrix({ model: 'pmedian', cost, n: 2, m: 2, weights: Float64Array.of(1, 1), p: 1, fixed: ['Z'] })).toThrow(/fixed site 'Z'/);
  });
});

describe('cancellation', () => {
  it('an aborted signal stops optimize before any work', async () => {
    const problem = problemFromCostMatrix({ model: 'pmedian', cost: Float64Array.of(1, 2, 3, 4), n: 2, m: 2, weights: Float64Array.of(1, 1), p: 1 });
    const controller = new AbortController();
    controller.abort();
    await expect(optimize(problem, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});

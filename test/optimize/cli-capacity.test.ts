/**
 * Capacities per candidate (a column) and per outlet type in `siteselect optimize`, on the line of
 * capacitated.test.ts laid along the equator in metres: demand at 0 (6), 1000 (4), 10 000 (5);
 * candidates A at 500 and B at 10 000; an own agent O at 30 000 (open, fixed). With A holding 7 the
 * point at 1000 splits: 6·500 + 1·500 + 3·9000 = 30 500 (uncapacitated: 6·500 + 4·500 = 5000).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OptimizeSummary } from '../../src/optimize/summary.ts';
import { runOptimize } from './cli-run.ts';

const DEG = (6371008.8 * Math.PI) / 180;
const lon = (x: number) => (x / DEG).toFixed(9);

function lineBundle(capA: string, capB: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-cap-'));
  writeFileSync(path.join(dir, 'demand.csv'), `id,lon,lat,population\nd0,${lon(0)},0,6\nd1,${lon(1000)},0,4\nd10,${lon(10000)},0,5\n`);
  writeFileSync(path.join(dir, 'candidates.csv'), `id,lon,lat,cap\nA,${lon(500)},0,${capA}\nB,${lon(10000)},0,${capB}\n`);
  writeFileSync(path.join(dir, 'network.csv'), `id,lon,lat,type\nO,${lon(30000)},0,agent\n`);
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({ version: 1, name: 'line', layers: [
    { layer: 'demand', file: 'demand.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', population: 'population' } },
    { layer: 'candidates', file: 'candidates.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', cap: 'cap' } },
    { layer: 'network', file: 'network.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', type: 'type' } },
  ] }));
  return dir;
}

const args = (dir: string, ...more: string[]) => ['--model', 'pmedian', '--p', '2', '--bundle', dir, '--method', 'exact', '--json', ...more];

describe('optimize --capacity-col / --capacity-type', () => {
  it('A = 7 from its column, B from the branch type, the own agent from its type: 30 500', async () => {
    const r = await runOptimize(args(lineBundle('7', ''), '--capacity-col', 'cap', '--capacity-type', 'branch=100,agent=0'));
    expect(r.err).toBe('');
    const s = JSON.parse(r.out) as OptimizeSummary;
    expect(s.selected).toEqual(['A', 'B', 'own:O']);
    expect(s.objective).toBeCloseTo(30500, 3);
  });

  it('the type fills an empty cell (A = 7 from branch=7, B = 100 from its column): 30 500 again', async () => {
    const r = await runOptimize(args(lineBundle('', '100'), '--capacity-col', 'cap', '--capacity-type', 'branch=7,agent=0'));
    expect((JSON.parse(r.out) as OptimizeSummary).objective).toBeCloseTo(30500, 3);
    // Without capacities A takes both near points: 6·500 + 4·500 = 5000.
    const free = await runOptimize(args(lineBundle('', '100')));
    expect((JSON.parse(free.out) as OptimizeSummary).objective).toBeCloseTo(5000, 3);
  });

  it('names a site left without a capacity, and a bad --capacity-type', async () => {
    const none = await runOptimize(args(lineBundle('', '100'), '--capacity-col', 'cap', '--capacity-type', 'agent=0'));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/candidate 'A' has no capacity \(no value in column 'cap'; type 'branch' has no capacity in --capacity-type\)/);
    const bad = await runOptimize(args(lineBundle('7', '100'), '--capacity-type', 'branch:7'));
    expect(bad.err).toMatch(/--capacity-type needs TYPE=W pairs/);
    const missing = await runOptimize(args(lineBundle('7', '100'), '--capacity-col', 'size'));
    expect(missing.err).toMatch(/the candidates have no numeric column 'size'/);
  });
});

/**
 * `siteselect mix` on the line of channel-mix.test.ts laid along the equator as a bundle: demand
 * A 0 m (100), B 1000 (100), C 3000 (50), D 3200 (50), E 6000 (30); candidates s1 0, s2 1500,
 * s3 3100, s4 6000; districts West (x < 2500 m) and East. Branch: cost 10, radius 1200, value 1;
 * atm: cost 2, radius 300, value 0.3. Then the sample city, where the rules must hold in the answer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { haversine } from '../../src/geo/haversine.ts';
import type { ChannelMixSummary } from '../../src/optimize/channel-mix-summary.ts';
import { REPO } from './cli-run.ts';

const DEG = (6371008.8 * Math.PI) / 180;
const lon = (x: number) => (x / DEG).toFixed(8);

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['mix', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, cwd: REPO });
  return { code, out, err };
}

function lineBundle(mix: object, s1Types = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-mix-'));
  const demand = [['A', 0, 100], ['B', 1000, 100], ['C', 3000, 50], ['D', 3200, 50], ['E', 6000, 30]];
  writeFileSync(path.join(dir, 'demand.csv'), 'id,lon,lat,population\n' + demand.map(([id, x, w]) => `${id},${lon(x as number)},0,${w}`).join('\n') + '\n');
  const sites = [['s1', 0, s1Types], ['s2', 1500, ''], ['s3', 3100, ''], ['s4', 6000, '']];
  writeFileSync(path.join(dir, 'candidates.csv'), 'id,lon,lat,types\n' + sites.map(([id, x, t]) => `${id},${lon(x as number)},0,${t}`).join('\n') + '\n');
  const box = (a: number, b: number) => ({ type: 'Polygon', coordinates: [[[a, -0.01], [b, -0.01], [b, 0.01], [a, 0.01], [a, -0.01]]] });
  const districts = { type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { id: 'W', name: 'West' }, geometry: box(-0.01, 2500 / DEG) },
    { type: 'Feature', properties: { id: 'E', name: 'East' }, geometry: box(2500 / DEG, 0.1) },
  ] };
  writeFileSync(path.join(dir, 'districts.geojson'), JSON.stringify(districts));
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({ version: 1, name: 'line', layers: [
    { layer: 'demand', file: 'demand.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', population: 'population' } },
    { layer: 'candidates', file: 'candidates.csv', columns: { id: 'id', lon: 'lon', lat: 'lat' } },
    { layer: 'districts', file: 'districts.geojson', columns: { id: 'id', name: 'name' } },
  ] }));
  writeFileSync(path.join(dir, 'scenario.json'), JSON.stringify({
    version: 1, name: 'mix', criteria: [{ id: 'demand', kind: 'demand', weight: 1 }],
    outletTypes: { branch: { radius: 1200, attractiveness: 1, cost: 10 }, atm: { radius: 300, attractiveness: 0.3, cost: 2 } },
    candidateType: 'branch', channelMix: mix,
  }));
  return dir;
}

const picked = (s: ChannelMixSummary) => s.sites.map((x) => `${x.type}@${x.id}`).sort();

describe('siteselect mix', () => {
  it('a branch per district, ATMs within 500 m of a branch, budget 22: branches at s1 and s3, 300', async () => {
    const rules = [{ rule: 'count', type: 'branch', min: 1, scope: 'district' }, { rule: 'near', type: 'atm', of: 'branch', within: 500 }];
    const r = await run(['--bundle', lineBundle({ budget: 22, rules }), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as ChannelMixSummary;
    expect(picked(s)).toEqual(['branch@s1', 'branch@s3']);
    expect([s.objective, s.spent, s.exact, s.method]).toEqual([300, 20, true, 'milp']);
    // --budget overrides: 12 buys one branch; with one per district required, none fits.
    const low = await run(['--bundle', lineBundle({ budget: 22, rules }), '--budget', '12']);
    expect(low.code).toBe(2);
    expect(low.err).toMatch(/no mix meets every rule within the budget/);
  });

  it('typesColumn: s1 may host only an ATM, so West\'s branch goes to s2 (B only): 100 + 100 + 30 (ATM at s1)', async () => {
    const rules = [{ rule: 'count', type: 'branch', min: 1, scope: 'district' }];
    const r = await run(['--bundle', lineBundle({ budget: 22, typesColumn: 'types', rules }, 'atm'), '--json']);
    const s = JSON.parse(r.out) as ChannelMixSummary;
    expect(picked(s)).toEqual(['atm@s1', 'branch@s2', 'branch@s3']);
    expect(s.objective).toBeCloseTo(230, 6);
    const text = await run(['--bundle', lineBundle({ budget: 22, typesColumn: 'types', rules }, 'atm')]);
    expect(text.out).toMatch(/branch\s+2\s+0\s+20\s+/);
    const bad = await run(['--bundle', lineBundle({ budget: 22, typesColumn: 'types', rules }, 'kiosk')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/candidate 's1' lists type 'kiosk' in column 'types', which is not one of the mix types \(branch, atm\)/);
  });

  it('on the sample city the answer keeps the budget and every rule, and the bound is above the objective', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-mix-sample-'));
    const scenario = {
      version: 1, name: 'mix', criteria: [{ id: 'demand', kind: 'demand', weight: 1 }],
      outletTypes: { branch: { radius: 2000, attractiveness: 1, cost: 300 }, 'self-service': { radius: 600, attractiveness: 0.3, cost: 20 }, agent: { radius: 1000, attractiveness: 0.5, cost: 60 } },
      channelMix: { budget: 1500, rules: [
        { rule: 'ratio', type: 'branch', atLeast: 1, forEvery: 2, of: 'agent' },
        { rule: 'density', type: 'self-service', max: 2, perResidents: 10000, scope: 'district' },
        { rule: 'near', type: 'self-service', of: 'branch', within: 800 },
      ] },
    };
    writeFileSync(path.join(dir, 'scenario.json'), JSON.stringify(scenario));
    const r = await run(['--bundle', 'data/sample', '--scenario', path.join(dir, 'scenario.json'), '--method', 'heuristic', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as ChannelMixSummary;
    expect(s.spent).toBeLessThanOrEqual(1500);
    expect(s.sites.reduce((a, x) => a + x.cost, 0)).toBe(s.spent);
    expect(s.bound).toBeGreaterThanOrEqual(s.objective);
    expect(s.objective).toBeGreaterThan(s.baseline);
    const count = (t: string) => s.by_type.find((x) => x.type === t)!;
    // The sample network: 42 branches, 58 agents, 70 self-service. One branch for every 2 agents.
    expect(2 * (count('branch').new_outlets + 42)).toBeGreaterThanOrEqual(count('agent').new_outlets + 58);
    expect(count('branch').existing_outlets).toBe(42);
    const own = (await import('node:fs')).readFileSync(path.join(REPO, 'data/sample/network.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const branches = [...own.filter((c) => c[4] === 'branch').map((c) => [Number(c[1]), Number(c[2])]), ...s.sites.filter((x) => x.type === 'branch').map((x) => [x.lon!, x.lat!])];
    for (const x of s.sites.filter((y) => y.type === 'self-service')) {
      expect(Math.min(...branches.map(([a, b]) => haversine(x.lon!, x.lat!, a, b)))).toBeLessThanOrEqual(800);
    }
  }, 120_000);
});

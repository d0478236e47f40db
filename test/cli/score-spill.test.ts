/**
 * The one scoring path under a tiny DuckDB memory limit (so its sorts and windows spill to disk)
 * gives the JS core's result (scoreSites: typed arrays in memory): the same ids in the same order,
 * the same ranks, scores equal to the printed decimals, the same kept sites — with every
 * normalisation (min-max, z-score, percentile, rank, none), every direction and the geometric
 * mean, on generated sites with deliberate ties and missing values. A 2 M-row run is the bench
 * (bench/score-1m.ts --rows 2000000 --memory-limit 256MB), not a test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { studyAreaSplitter } from '../../src/score/compared-sites.ts';
import { scoreSites } from '../../src/score/score-sites.ts';
import { readCsvRows, runScore } from './run-score.ts';
import { expectSameRanking } from './same-ranking.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const repo = new URL('../../', import.meta.url).pathname;
const sample = join(repo, 'data', 'sample');
const temp = mkdtempSync(join(tmpdir(), 'score-spill-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const N = 60_000;

function sitesCsv(): string {
  const rows = ['id,lon,lat,rent,floor_area,visibility'];
  for (let i = 0; i < N; i++) {
    // a 300 × 200 lattice over the city; rent repeats (ties), every 97th floor area missing
    const lon = 113.95 + (i % 300) * 0.0007;
    const lat = 22.48 + Math.floor(i / 300) * 0.0007;
    rows.push(`S${(i * 7919) % N},${lon.toFixed(6)},${lat.toFixed(6)},${20000 + (i % 41) * 1000},${i % 97 === 0 ? '' : 40 + (i % 173)},${i % 5}`);
  }
  return rows.join('\n') + '\n';
}

function scenarioJson(combine: 'sum' | 'geometric'): string {
  return JSON.stringify({
    version: 1, name: `spill ${combine}`, combine,
    criteria: [
      { id: 'demand', kind: 'demand', weight: 3, radius: 600, normalise: 'zscore' },
      { id: 'competition', kind: 'competition', weight: 1.5, radius: 800, normalise: 'percentile' },
      { id: 'rent', kind: 'attribute', column: 'rent', direction: 'lower', weight: 1, normalise: 'rank' },
      { id: 'floor', kind: 'attribute', column: 'floor_area', direction: { range: [80, 150] }, weight: 1 },
      { id: 'visibility', kind: 'attribute', column: 'visibility', direction: { target: 3 }, weight: 0.5, normalise: 'none' },
    ],
    funnel: { sites: { topK: 40 }, context: { district: 0.5, region: 0 } },
    constraints: { minSpacing: 300, maxAttribute: { rent: 55000 }, topNPerRegion: 15 },
  });
}

describe.each(['sum', 'geometric'] as const)('siteselect score under a 64MB DuckDB memory limit (%s)', (combine) => {
  it('equals the in-memory scoring of the JS core', async () => {
    writeFileSync(join(temp, 'sites.csv'), sitesCsv());
    writeFileSync(join(temp, `scenario-${combine}.json`), scenarioJson(combine));
    const r = await runScore(temp, '--bundle', sample, '--scenario', `scenario-${combine}.json`, '--candidates', 'sites.csv',
      '--out', `${combine}.csv`, '--memory-limit', '64MB', '--quiet', '--threads', '2');
    expect(r.code, r.stderr).toBe(0);
    const cli = readCsvRows(join(temp, `${combine}.csv`));

    const bundle = await loadBundleDir(sample);
    const scenario = parseScenario(JSON.parse(scenarioJson(combine)), 'scenario.json');
    const loaded = await loadLayerFile('sites.csv', new Uint8Array(Buffer.from(sitesCsv())), { layer: 'candidates', file: 'sites.csv' });
    if (loaded.layer.kind !== 'point') throw new Error('sites.csv gave polygons');
    // the lattice reaches past the city's regions: those sites are not compared (outside-study-area.ts)
    const compared = studyAreaSplitter(bundle)(loaded.layer, []);
    expect(compared.rejects.length).toBeGreaterThan(0);
    const api = await scoreSites(bundle, scenario, compared.sites, { database: testDb() });
    expect(cli).toHaveLength(N - compared.rejects.length);
    expectSameRanking(cli, api);
  }, 240_000);
});

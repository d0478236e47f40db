/**
 * A large generated candidate file scored by `siteselect score` under a 256MB DuckDB memory limit
 * (read block by block into DuckDB, whole-file decisions in SQL, kernel in chunks, ranking in
 * DuckDB) equals the in-memory result of the JS core (loadLayerFile + scoreSites, typed arrays):
 * the same ids in the same order, ranks, scores to the printed decimals, kept flags, and the same
 * rows rejected for the same reasons (repeated ids, a missing coordinate, a lat/lon swap, text in
 * a numeric column).
 *
 * Size: the issue asks for 2 M rows, and this test stays at SCORE_LARGE_ROWS [30 000] rows (20 s at
 * load 16–18) with a 400-character text column, so that the file (13 MB) still spans two blocks of
 * the reader. Why not 2 M in the normal suite (8 Dec 2026): the comparison is with the JS core's
 * in-memory result, which needs the whole file in memory in the test's process — 2 M rows of this
 * shape are a file of about 900 MB, and even 2 M narrow rows (39 bytes) cost the CLI alone about 56 s at idle
 * (1 M rows: 28 s on a quiet machine, bench/README.md) before the in-memory run, over the 90 s a
 * suite test may take; on the shared machine (load 10–20) one 1 M-row CLI run took 2–5 min wall.
 * SCORE_LARGE_ROWS=2000000 runs this test at the full size; bench/score-1m.ts --rows 2000000
 * --memory-limit 256MB measures the CLI's part.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { loadedRows, studyAreaSplitter } from '../../src/score/compared-sites.ts';
import { scoreSites } from '../../src/score/score-sites.ts';
import { readCsvRows, runScore } from './run-score.ts';
import { expectSameRanking } from './same-ranking.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const repo = new URL('../../', import.meta.url).pathname;
const sample = join(repo, 'data', 'sample');
const temp = mkdtempSync(join(tmpdir(), 'score-large-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const N = Number(process.env.SCORE_LARGE_ROWS ?? 30_000);
/** A text column wide enough that the file spans two blocks of the reader (8 MiB of text). */
const NOTE = 'frontage on the main road, parking behind, lease negotiable; '.repeat(7);

/** Seeded rows inside the sample city; every 10 007th repeats an earlier id, every 20 011th has no lon, every 30 013th is swapped, every 997th rent is text. */
async function writeSites(file: string): Promise<void> {
  let seed = 20261207;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const out = createWriteStream(file);
  let block = 'id,lon,lat,rent,floor_area,notes\n';
  for (let i = 0; i < N; i++) {
    let lon = (113.93 + random() * 0.25).toFixed(6);
    let lat = (22.48 + random() * 0.23).toFixed(6);
    if (i % 20011 === 19) lon = '';
    if (i % 30013 === 29) [lon, lat] = [lat, lon];
    const id = i % 10007 === 17 ? `S${i - 11}` : `S${i}`;
    const rent = i % 997 === 3 ? 'ask' : String(Math.round(5000 + random() * 40000));
    block += `${id},${lon},${lat},${rent},${Math.round(60 + random() * 200)},"${NOTE.slice(i % 50)}"\n`;
    if (block.length > 1 << 20) {
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  out.end(block);
  await once(out, 'finish');
}

/** Cheap criteria (small radii) so the JS core's in-memory run stays short; every normalisation kind the SQL has. */
const scenario = {
  version: 1, name: 'large', combine: 'sum',
  criteria: [
    { id: 'demand', kind: 'demand', weight: 3, radius: 300, normalise: 'zscore' },
    { id: 'competition', kind: 'competition', weight: 1.5, radius: 300, normalise: 'percentile' },
    { id: 'rent', kind: 'attribute', column: 'rent', direction: 'lower', weight: 1, normalise: 'rank' },
    { id: 'floor', kind: 'attribute', column: 'floor_area', direction: { range: [80, 150] }, weight: 1 },
  ],
  funnel: { sites: { topK: 50 }, context: { district: 0.5, region: 0 } },
  constraints: { minSpacing: 300, maxAttribute: { rent: 40000 }, topNPerRegion: 20 },
};

describe(`siteselect score on ${N.toLocaleString('en')} generated rows (two blocks of the reader) under a 256MB DuckDB memory limit`, () => {
  it('equals the in-memory scoring of the JS core, rejects included', async () => {
    const file = join(temp, 'sites.csv');
    await writeSites(file);
    if (N === 30_000) expect(statSync(file).size).toBeGreaterThan(1 << 23);
    writeFileSync(join(temp, 'scenario.json'), JSON.stringify(scenario));
    const r = await runScore(temp, '--bundle', sample, '--scenario', 'scenario.json', '--candidates', 'sites.csv',
      '--out', 'out.csv', '--memory-limit', '256MB', '--quiet', '--json', '--threads', '2');
    expect(r.code, r.stderr).toBe(0);
    const cli = readCsvRows(join(temp, 'out.csv'));
    const cliRejects = readCsvRows(join(temp, 'out.rejects.csv'));

    const bundle = await loadBundleDir(sample);
    const loaded = await loadLayerFile('sites.csv', new Uint8Array(readFileSync(file)), { layer: 'candidates', file: 'sites.csv' });
    if (loaded.layer.kind !== 'point') throw new Error('sites.csv gave polygons');
    // the study-area rule as the JS core's callers apply it: sites outside every region are not compared
    const compared = studyAreaSplitter(bundle)(loaded.layer, loadedRows(loaded.report, loaded.layer.ids.length) ?? []);
    const api = await scoreSites(bundle, parseScenario(scenario, 'scenario.json'), compared.sites, { database: testDb() });
    const rejects = [...loaded.report.rejects, ...compared.rejects].sort((a, b) => a.row - b.row);
    // the rejects: by hand, ⌈N/10 007⌉ repeated ids, ⌈N/20 011⌉ missing lon, ⌈N/30 013⌉ swapped (out of range)
    expect(cliRejects.map((x) => [Number(x.row), x.reason])).toEqual(rejects.map((x) => [x.row, x.reason]));
    expect(compared.rejects.length).toBeGreaterThan(0);
    expect(cliRejects.filter((x) => /duplicate id/.test(x.reason))).toHaveLength(Math.ceil((N - 17) / 10007));
    expect(cli).toHaveLength(N - cliRejects.length);
    expectSameRanking(cli, api);
  }, 600_000);
});

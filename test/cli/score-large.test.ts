/**
 * Large generated candidate files scored by `siteselect score` (read block by block into DuckDB,
 * whole-file decisions in SQL, kernel in chunks, ranking in DuckDB):
 * - 30 000 rows with a 400-character text column (13 MB: two blocks of the reader) under a 256MB
 *   DuckDB memory limit equal the in-memory result of the JS core (loadLayerFile + scoreSites,
 *   typed arrays): the same ids in the same order, ranks, scores to the printed decimals, kept
 *   flags, and the same rows rejected for the same reasons (repeated ids, a missing coordinate, a
 *   lat/lon swap, text in a numeric column). SCORE_LARGE_ROWS=N runs this one at N rows.
 * - Issue 13: 2 M narrow rows (100 MB, a dozen blocks) scored under a 256MB limit, where DuckDB
 *   evicts its tables to the database file and sorts and joins out of core, give the output and
 *   rejects of the same run with the data held in memory (an 8GB limit), line for line: any row
 *   whose score, rank, kept flag or reject differs fails it. The two outputs are read a line at a
 *   time, side by side, so the test never holds either (2 M rows as JS objects were over 2 GB,
 *   and the JS core's whole-file run of 2 M rows took over 100 CPU-s and 1.5 GB on its own).
 */
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
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
async function writeSites(file: string, N: number, wide: boolean): Promise<void> {
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
    block += `${id},${lon},${lat},${rent},${Math.round(60 + random() * 200)},"${wide ? NOTE.slice(i % 50) : NOTE.slice(i % 50, (i % 50) + 9)}"\n`;
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
    await writeSites(file, N, true);
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

/** The lines of a file, one at a time. */
function lines(file: string): AsyncIterator<string> {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity })[Symbol.asyncIterator]();
}

/** Where two files differ line by line: the count of lines, of different lines, and the first few of those. */
async function lineDifferences(a: string, b: string): Promise<{ lines: number; different: number; first: string[] }> {
  const left = lines(a);
  const right = lines(b);
  const out = { lines: 0, different: 0, first: [] as string[] };
  for (;;) {
    const [l, r] = await Promise.all([left.next(), right.next()]);
    if (l.done && r.done) return out;
    out.lines++;
    if (l.value === r.value) continue;
    if (out.different++ < 3) out.first.push(`line ${out.lines}: ${JSON.stringify(l.done ? 'the end' : l.value)} against ${JSON.stringify(r.done ? 'the end' : r.value)}`);
  }
}

const ROWS_2M = 2_000_000;

describe('siteselect score on 2,000,000 generated rows (issue 13)', () => {
  it('under a 256MB DuckDB memory limit writes, line for line, what it writes with the data in memory', async () => {
    const dir = join(temp, '2m');
    const file = join(dir, 'sites.csv');
    mkdirSync(dir);
    await writeSites(file, ROWS_2M, false);
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const runs: { read: number; scored: number; rejected: number; written: number; top: unknown[] }[] = [];
    for (const limit of ['256MB', '8GB']) {
      const r = await runScore(dir, '--bundle', sample, '--scenario', 'scenario.json', '--candidates', 'sites.csv',
        '--out', `out-${limit}.csv`, '--memory-limit', limit, '--quiet', '--json', '--threads', '2');
      expect(r.code, r.stderr).toBe(0);
      const { read, scored, rejected, written, top } = JSON.parse(r.stdout) as (typeof runs)[number];
      runs.push({ read, scored, rejected, written, top });
    }
    const [out, memory] = runs;
    expect(out.read).toBe(ROWS_2M);
    expect(out.scored + out.rejected).toBe(ROWS_2M);
    // by hand: ⌈(N − 17)/10 007⌉ repeated ids, ⌈(N − 19)/20 011⌉ without lon, ⌈(N − 29)/30 013⌉ swapped, and the sites outside the study area
    expect(out.rejected).toBeGreaterThan(Math.ceil((ROWS_2M - 17) / 10007) + Math.ceil((ROWS_2M - 19) / 20011) + Math.ceil((ROWS_2M - 29) / 30013));
    expect(memory).toEqual(out);
    const scores = await lineDifferences(join(dir, 'out-256MB.csv'), join(dir, 'out-8GB.csv'));
    expect(scores.first).toEqual([]);
    expect(scores.lines).toBe(out.scored + 1);
    const rejects = await lineDifferences(join(dir, 'out-256MB.rejects.csv'), join(dir, 'out-8GB.rejects.csv'));
    expect(rejects.first).toEqual([]);
    expect(rejects.lines).toBe(out.rejected + 1);
  }, 900_000);
});

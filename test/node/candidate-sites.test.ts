/**
 * A candidate file read block by block into DuckDB (fileSites: table-blocks → stage-rows →
 * settle-rows) gives what the whole-file loader gives (loadLayerFile → toLayer): the same sites
 * in the same order with the same columns and values, the same rejects with the same rows and
 * reasons, the same notes, the same whole-file errors. Blocks of a few hundred bytes, so every
 * file crosses many blocks; every fixture of the bad-input tests, a file with each whole-file
 * decision at work (swaps, missing and duplicate ids, look-alike ids, a column typed over the kept
 * rows, missing-value tokens), addresses geocoded against the sample gazetteer, and Parquet read
 * by row group.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerEntry } from '../../src/data/bundle-manifest.ts';
import type { LayerReport, PointLayer, Reject } from '../../src/data/layer.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { fileSites } from '../../src/node/candidate-sites.ts';
import { openNativeDatabase, type NativeDatabase } from '../../src/node/duckdb-native.ts';
import { tableBlocks } from '../../src/node/table-blocks.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { edgeCsv } from '../helpers/edge-candidates.ts';

const repo = new URL('../../', import.meta.url).pathname;
const bad = join(repo, 'test', 'fixtures', 'bad');
const temp = mkdtempSync(join(tmpdir(), 'candidate-sites-'));
let db: NativeDatabase;
let gazetteer: PointLayer | undefined;

beforeAll(async () => {
  db = await openNativeDatabase();
  gazetteer = (await loadBundleDir(join(repo, 'data', 'sample'))).gazetteer;
});
afterAll(async () => {
  await db.close();
  rmSync(temp, { recursive: true, force: true });
});

interface Whole {
  layer?: PointLayer;
  report?: LayerReport;
  error?: string;
}

async function whole(file: string, entry: LayerEntry): Promise<Whole> {
  try {
    const loaded = await loadLayerFile(basename(file), new Uint8Array(readFileSync(file)), entry, { gazetteer });
    if (loaded.layer.kind !== 'point') throw new Error('polygons');
    return { layer: loaded.layer, report: loaded.report };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Blocks the file is read in (a whole-file read is one). */
async function blockCount(file: string, blockBytes: number): Promise<number> {
  let n = 0;
  for await (const _ of tableBlocks(file, basename(file), { layer: 'candidates', file: basename(file) }, { blockBytes })) n++;
  return n;
}

const plainRejects = (rejects: Reject[]): Reject[] => rejects.map((r) => ({ ...r, value: r.value ?? '' }));
const values = (a: ArrayLike<number>): (number | null)[] => Array.from(a, (v) => (Number.isNaN(v) ? null : v));

async function expectSame(file: string, entry: LayerEntry = { layer: 'candidates', file: basename(file) }, blockBytes = 256): Promise<void> {
  const w = await whole(file, entry);
  let staged;
  try {
    staged = await fileSites(db, file, basename(file), entry, { gazetteer, blockBytes });
  } catch (error) {
    expect(error instanceof Error ? error.message : String(error), `${basename(file)}: the block reader threw where the whole-file loader did not`).toBe(w.error);
    return;
  }
  expect(w.error, `${basename(file)}: the whole-file loader threw`).toBeUndefined();
  const { layer, report } = w as Required<Whole>;
  expect({ read: staged.read, loaded: staged.loaded, rejected: staged.rejected }).toEqual({ read: report.read, loaded: report.loaded, rejected: report.rejected });
  expect(staged.notes).toEqual(report.notes);
  const rejects: Reject[] = [];
  for await (const chunk of staged.rejects()) rejects.push(...chunk);
  expect(plainRejects(rejects)).toEqual(plainRejects(report.rejects));
  const chunks: PointLayer[] = [];
  const rows: number[] = [];
  for await (const chunk of staged.chunks(7)) {
    chunks.push(chunk.sites);
    rows.push(...Array.from(chunk.rows));
  }
  // the loaded rows are the rows not rejected, in file order
  const rejected = new Set(report.rejects.map((r) => r.row));
  expect(rows).toEqual(Array.from({ length: report.read }, (_, r) => r + 1).filter((r) => !rejected.has(r)));
  expect(chunks.flatMap((c) => c.ids)).toEqual(layer.ids);
  expect(chunks.flatMap((c) => values(c.lon))).toEqual(values(layer.lon));
  expect(chunks.flatMap((c) => values(c.lat))).toEqual(values(layer.lat));
  expect(Object.keys(chunks[0].numeric)).toEqual(Object.keys(layer.numeric));
  expect(Object.keys(chunks[0].text)).toEqual(Object.keys(layer.text));
  for (const key of Object.keys(layer.numeric)) expect(chunks.flatMap((c) => values(c.numeric[key])), key).toEqual(values(layer.numeric[key]));
  for (const key of Object.keys(layer.text)) expect(chunks.flatMap((c) => c.text[key]), key).toEqual(layer.text[key]);
}

describe('a candidate file read block by block into DuckDB equals the whole-file loader', () => {
  it.each(readdirSync(bad).filter((f) => statSync(join(bad, f)).isFile()))('bad-input fixture %s', async (f) => {
    await expectSame(join(bad, f));
  });

  it('every whole-file decision: swaps in range, missing, duplicate and look-alike ids, column types, notes', async () => {
    const file = join(temp, 'edge.csv');
    writeFileSync(file, edgeCsv());
    await expectSame(file);
    expect(await blockCount(file, 256)).toBeGreaterThan(50);
    const staged = await fileSites(db, file, 'edge.csv', { layer: 'candidates', file: 'edge.csv' }, { blockBytes: 256 });
    // worked by hand: rows 14, 111, 208, 305 swapped; 8, 58, … repeat an id three rows earlier; 6, 89, … have none
    expect(staged.notes.some((n) => /look-alike|letter case/.test(n))).toBe(true);
    const reasons = new Map<number, string>();
    for await (const chunk of staged.rejects()) for (const r of chunk) reasons.set(r.row, r.reason);
    expect(reasons.get(14)).toMatch(/swapped/);
    expect(reasons.get(8)).toBe('duplicate id (first seen in row 5)');
    expect(reasons.get(6)).toBe('missing id');
  });

  it('addresses geocoded against the sample gazetteer (placed_by, confidence, explanation)', async () => {
    const file = join(repo, 'data', 'sample', 'candidates.csv');
    await expectSame(file, { layer: 'candidates', file: 'candidates.csv' }, 4096);
    expect(await blockCount(file, 4096)).toBeGreaterThan(10);
  });

  it('Parquet, by row groups of 2048 rows', async () => {
    const csv = join(temp, 'edge-pq.csv');
    writeFileSync(csv, edgeCsv(5000));
    const parquet = join(temp, 'edge.parquet');
    await db.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true, header = true)) TO '${parquet}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
    await expectSame(parquet);
    expect(await blockCount(parquet, 256)).toBeGreaterThan(1);
  });

  it('a TSV with a BOM, and a file with no id column', async () => {
    const file = join(temp, 'bom.tsv');
    writeFileSync(file, '\uFEFFlon\tlat\tname\n' + Array.from({ length: 60 }, (_, i) => `${-77 + i * 0.001}\t${38.9}\tsite ${i}`).join('\n') + '\n');
    await expectSame(file);
    expect(await blockCount(file, 256)).toBeGreaterThan(3);
  });
});

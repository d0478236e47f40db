/**
 * A CSV read by DuckDB-WASM from the File (registerFileHandle; the page's path for large drops)
 * gives the same layer and report as the JS reader — ids, coordinates, numbers, text, and every
 * reject with its row and reason — for a file with bad rows, the same with a BOM, and the sample's
 * competitors; a candidate file held in DuckDB (the large-drop path: JS keeps lon/lat) read back gives
 * the same layer, rejects and notes. GBK, semicolon, ragged and Excel "sep=" files are left to the JS reader, with the reason.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordRequests, useRootSession } from '../helpers/browser.ts';
import { edgeCsv } from '../helpers/edge-candidates.ts';
import { openNativeDatabase } from '../../src/node/duckdb-native.ts';
import { quoteString } from '../../src/db/sql.ts';

const session = useRootSession(fileURLToPath(new URL('../..', import.meta.url)));

interface Result {
  error?: string;
  compared: { name: string; error?: string; duckdb?: { report: { read: number; rejected: number } }; js?: unknown; notes?: string[] }[];
  held: { name: string; error?: string; duckdb?: unknown; js?: unknown; notes?: string[]; jsNotes?: string[] }[];
  refused: Record<string, string>;
  inspection: { columns: string[]; rows: number; sample: Record<string, string[]> } | string;
}

describe('CSV through DuckDB-WASM in Chromium', () => {
  it('reads as the JS reader does, and leaves it what DuckDB reads differently', async () => {
    const page = await session.browser.newPage();
    const requests = recordRequests(page);
    await page.goto(`${session.url}test/browser-pages/csv-duckdb.html`);
    // DuckDB-WASM boots in ~5 s on a quiet 2-core machine; this one is shared (load 10–25)
    await page.waitForFunction(() => 'csvDuckdb' in globalThis, undefined, { timeout: 200_000, polling: 250 });
    const result = (await page.evaluate(() => (globalThis as unknown as { csvDuckdb: unknown }).csvDuckdb)) as Result;
    expect(result.error).toBeUndefined();
    for (const c of result.compared) {
      expect(c.error, c.name).toBeUndefined();
      expect(c.duckdb, c.name).toEqual(c.js);
      expect(c.notes?.[0], c.name).toMatch(/^read by DuckDB-WASM from the file \(\d+ rows\)/);
    }
    // held in DuckDB (a large candidate drop): the same layer, rejects and notes, plus one saying where it is
    expect(result.held.map((h) => h.name)).toEqual(['bad.csv', 'bom.csv']);
    for (const h of result.held) {
      expect(h.error, h.name).toBeUndefined();
      expect(h.duckdb, h.name).toEqual(h.js);
      expect(h.notes, h.name).toEqual([...(h.jsNotes ?? []), 'read by DuckDB-WASM from the file (7 rows), not copied into the page; its ids and attributes stay in DuckDB']);
    }
    const bad = result.compared.find((c) => c.name === 'bad.csv')!;
    // rows 2 (no lon), 3 (lat 95), 4 (lon "abc"), 6 (duplicate id) and 7 (no id) are rejected — see the page's BAD
    expect(bad.duckdb?.report).toMatchObject({ read: 7, rejected: 5 });
    expect(result.refused).toEqual({
      'gbk.csv': 'not UTF-8',
      'semicolon.csv': 'semicolon-separated (decimal commas)',
      'ragged.csv': 'records with a wrong field count',
      'excel.csv': 'an Excel "sep=" line',
    });
    expect(result.inspection).toMatchObject({ columns: ['id', 'name', 'lon', 'lat', 'rent'], rows: 7, sample: { name: ['First', 'No lon', 'Out of range'] } });
    // a Parquet drop (written by native DuckDB, row groups of 64 rows) held in DuckDB: as the JS reader reads it whole
    const temp = mkdtempSync(join(tmpdir(), 'held-parquet-'));
    try {
      writeFileSync(join(temp, 'edge.csv'), edgeCsv());
      const native = await openNativeDatabase();
      await native.run(`COPY (SELECT * FROM read_csv(${quoteString(join(temp, 'edge.csv'))}, all_varchar = true)) TO ${quoteString(join(temp, 'edge.parquet'))} (FORMAT parquet, ROW_GROUP_SIZE 64)`);
      await native.close();
      const bytes = Array.from(readFileSync(join(temp, 'edge.parquet')));
      const parquet = (await page.evaluate((b) => (globalThis as unknown as { heldParquet: (b: number[]) => Promise<unknown> }).heldParquet(b), bytes)) as Result['held'][number];
      expect(parquet.error).toBeUndefined();
      expect(parquet.duckdb).toEqual(parquet.js);
      expect(parquet.notes).toEqual([...(parquet.jsNotes ?? []), 'read row group by row group from the file (400 rows), not copied into the page; its ids and attributes stay in DuckDB']);
      expect(parquet.notes?.[0]).toBe('Parquet: 400 rows, 7 columns');
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
    const origin = new URL(session.url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([]);
    await page.close();
  }, 300_000);
});

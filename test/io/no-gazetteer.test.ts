/** A candidate row with an address but no coordinates, in a bundle without a gazetteer, says what to do. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'siteselect-nogaz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('candidates with addresses and no gazetteer', () => {
  it('rejects the addressed rows with the fix, and rows with neither as missing coordinates', async () => {
    writeFileSync(join(dir, 'candidates.csv'), 'id,lon,lat,address\nc1,116.40,39.90,1 Main St\nc2,,,2 Main St\nc3,,,\n');
    writeFileSync(join(dir, 'bundle.json'), JSON.stringify({ version: 1, name: 'no gazetteer', layers: [{ layer: 'candidates', file: 'candidates.csv' }] }));
    const bundle = await loadBundleDir(dir);
    expect(bundle.candidates?.ids).toEqual(['c1']);
    expect(bundle.reports[0].rejects).toEqual([
      { row: 2, column: 'address', code: 'no-gazetteer', params: {}, reason: 'address given but the bundle has no gazetteer; add one or give coordinates', value: '2 Main St', id: 'c2' },
      { row: 3, column: 'lon', code: 'missing-coordinate', params: {}, reason: 'missing coordinate', id: 'c3' },
    ]);
  });
});

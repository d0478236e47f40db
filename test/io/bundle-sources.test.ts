/**
 * loadBundle over an in-memory FileSource (what the page uses for dropped files): manifest paths
 * in sub-folders, several files feeding one layer, ids unique across files, constants, progress.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/data/load-bundle.ts';
import { memoryFileSource, normalisePath } from '../../src/io/file-source.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function source(): ReturnType<typeof memoryFileSource> {
  const manifest = {
    version: 1,
    name: 'two shops files',
    layers: [
      { layer: 'pois', file: 'a/shops.csv', columns: { category: { value: 'shop' } } },
      { layer: 'pois', file: './b/../b/more.csv', columns: { category: 'kind', weight: { value: 2 } } },
    ],
  };
  return memoryFileSource(
    new Map([
      ['bundle/bundle.json', enc(JSON.stringify(manifest))],
      // ids s1, s2
      ['bundle/a/shops.csv', enc('id,lon,lat,floor\ns1,1,1,10\ns2,2,2,20\n')],
      // s2 again (taken by the first file), then s3
      ['bundle/b/more.csv', enc('id,lon,lat,kind\ns2,3,3,bakery\ns3,4,4,cafe\n')],
    ]),
  );
}

describe('loadBundle from memory', () => {
  it('normalises paths', () => {
    expect(normalisePath('./b/../b/more.csv')).toBe('b/more.csv');
    expect(normalisePath('../../x/./y.csv')).toBe('../../x/y.csv');
  });

  it('concatenates files of one layer and rejects an id another file already loaded', async () => {
    const progress: number[] = [];
    const b = await loadBundle(source(), { manifestPath: 'bundle/bundle.json', onProgress: (p) => progress.push(p.fraction) });
    expect(b.pois?.ids).toEqual(['s1', 's2', 's3']);
    expect(Array.from(b.pois?.lon ?? [])).toEqual([1, 2, 4]);
    expect(b.pois?.text.category).toEqual(['shop', 'shop', 'cafe']);
    // weight is a constant 2 in the second file and absent (NaN) in the first
    expect(Array.from(b.pois?.numeric.weight ?? [])).toEqual([NaN, NaN, 2]);
    expect(Array.from(b.pois?.numeric.floor ?? [])).toEqual([10, 20, NaN]);
    const second = b.reports[1];
    expect([second.read, second.loaded, second.rejected]).toEqual([2, 1, 1]);
    expect(second.rejects[0]).toEqual({ row: 1, column: 'id', code: 'duplicate-id-loaded', params: { file: 'a/shops.csv' }, reason: 'duplicate id (already loaded from a/shops.csv)', value: 's2', id: 's2' });
    expect(progress).toEqual([0, 0.5, 1]);
  });

  it('stops when the signal is aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(loadBundle(source(), { manifestPath: 'bundle/bundle.json', signal: ctl.signal })).rejects.toThrow(/abort/i);
  });
});

describe('a whole file with lon and lat exchanged', () => {
  it('is noted when the other files lie where the swapped file would', async () => {
    const manifest = {
      version: 1,
      name: 'dc',
      layers: [
        { layer: 'pois', file: 'shops.csv' },
        { layer: 'transit', file: 'stops.csv' },
        { layer: 'competitors', file: 'banks.csv' },
      ],
    };
    const src = memoryFileSource(
      new Map([
        ['bundle.json', enc(JSON.stringify(manifest))],
        // DC shops, correct
        ['shops.csv', enc('id,lon,lat\ns1,-77.03,38.90\ns2,-77.02,38.91\n')],
        ['banks.csv', enc('id,lon,lat\nb1,-77.00,38.88\n')],
        // DC stops with the columns exchanged: every row in range (lat −77 is legal), so no row is rejected
        ['stops.csv', enc('id,lon,lat\nt1,38.89,-77.01\nt2,38.92,-77.04\n')],
      ]),
    );
    const b = await loadBundle(src);
    const stops = b.reports[1];
    expect([stops.read, stops.loaded]).toEqual([2, 2]);
    expect(stops.notes.join('\n')).toMatch(/stops\.csv lies far from the rest of the bundle, and with lon and lat exchanged it lies among them/);
    expect(b.reports[0].notes.join('\n')).not.toMatch(/far from the rest/);
    expect(b.reports[2].notes.join('\n')).not.toMatch(/far from the rest/);
  });
});

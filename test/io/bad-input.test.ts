/**
 * Every bad-input class of DESIGN §2 as a table: the reason a reader sees, at the row and column
 * where it is, and loaded + rejected = read. Fixtures are tiny files in test/fixtures/bad whose
 * right answer can be read off by eye (each file's rows are commented in the cases below).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import type { LayerEntry } from '../../src/data/bundle-manifest.ts';
import { BundleError } from '../../src/errors.ts';

const dir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(dir + name));
const load = (name: string, entry: Partial<LayerEntry> = {}) =>
  loadLayerFile(name, bytes(name), { layer: 'pois', file: name, ...entry });

interface RowCase {
  name: string;
  file: string;
  entry?: Partial<LayerEntry>;
  read: number;
  loaded: number;
  /** Each expected reject: 1-based row, column, and a pattern of its reason. */
  rejects: [number, string, RegExp][];
  note?: RegExp;
}

const ROW_CASES: RowCase[] = [
  // row 2 has no lat, row 3 no lon
  { name: 'missing coordinates', file: 'missing-coordinate.csv', read: 4, loaded: 2, rejects: [[2, 'lat', /^missing coordinate$/], [3, 'lon', /^missing coordinate$/]] },
  // lon 'abc' in row 2, lat 'N/A' in row 3
  { name: 'non-numeric coordinates', file: 'non-numeric.csv', read: 3, loaded: 1, rejects: [[2, 'lon', /^non-numeric coordinate$/], [3, 'lat', /^non-numeric coordinate$/]] },
  // lon 200.5; lat 95 with lon 100 (not a valid swap, 100 > 90); lon −181
  {
    name: 'out-of-range coordinates',
    file: 'out-of-range.csv',
    read: 4,
    loaded: 1,
    rejects: [[2, 'lon', /longitude 200\.5 is outside ±180/], [3, 'lat', /latitude 95 is outside ±90/], [4, 'lon', /longitude -181 is outside ±180/]],
  },
  // row 2 is Beijing with lon and lat exchanged: lat 116.41 is impossible, the reverse is fine
  { name: 'swapped lat/lon (latitude beyond ±90)', file: 'swapped-out-of-range.csv', read: 3, loaded: 2, rejects: [[2, 'lat', /lat\/lon look swapped/]] },
  // row 5 (38.94, −77.04) is in range but lies in Antarctica; swapped it is in DC with the others
  { name: 'swapped lat/lon (in range, far from the rest)', file: 'swapped-in-range.csv', read: 6, loaded: 5, rejects: [[5, 'lat', /lat\/lon look swapped/]] },
  // every row swapped: all rejected and a file-level note says to swap the column mapping
  {
    name: 'a file whose rows are mostly swapped',
    file: 'swapped-most.csv',
    read: 3,
    loaded: 0,
    rejects: [[1, 'lat', /swapped/], [2, 'lat', /swapped/], [3, 'lat', /swapped/]],
    note: /most rows \(3 of 3\) look like lat\/lon swapped/,
  },
  // row 2 holds Maryland state-plane metres (DC's own X/Y columns)
  { name: 'projected metres in a lon/lat column', file: 'projected-row.csv', read: 3, loaded: 2, rejects: [[2, 'lon', /projected metres.*EPSG:3857.*"crs": "epsg3857"/]] },
  // ids 1 and 2 come back in rows 3 and 5
  {
    name: 'duplicate ids',
    file: 'duplicate-ids.csv',
    read: 5,
    loaded: 3,
    rejects: [[3, 'id', /duplicate id \(first seen in row 1\)/], [5, 'id', /duplicate id \(first seen in row 2\)/]],
  },
  // the last record stops after "3,116.4"
  { name: 'a truncated last record', file: 'truncated.csv', read: 3, loaded: 2, rejects: [[3, '', /has 2 fields where the header has 4/]] },
  { name: 'a quote never closed at the end of the file', file: 'truncated-quote.csv', read: 2, loaded: 1, rejects: [[2, '', /truncated record/]] },
  // square loads; bow-tie crosses at (0.5, 0.5); the third ring is open; the fourth has 3 positions;
  // a point and a null geometry are not polygons; the last repeats the id "square"
  {
    name: 'invalid and self-intersecting polygons',
    file: 'polygons.geojson',
    entry: { layer: 'districts' },
    read: 7,
    loaded: 1,
    rejects: [
      [2, 'geometry', /self-intersecting near 0\.500000, 0\.500000/],
      [3, 'geometry', /not closed/],
      [4, 'geometry', /fewer than 4 positions/],
      [5, 'geometry', /a Point where this layer needs a Polygon/],
      [6, 'geometry', /missing geometry/],
      [7, 'id', /duplicate id \(first seen in row 1\)/],
    ],
  },
];

describe('row problems become rejects (loaded + rejected = read)', () => {
  it.each(ROW_CASES)('$name', async ({ file, entry, read, loaded, rejects, note }) => {
    const { report, layer } = await load(file, entry);
    expect(report.read).toBe(read);
    expect(report.loaded).toBe(loaded);
    expect(report.rejected).toBe(rejects.length);
    expect(report.loaded + report.rejected).toBe(report.read);
    expect(layer.ids.length).toBe(loaded);
    const got = report.rejects.map((r) => [r.row, r.column, r.reason]);
    expect(got).toHaveLength(rejects.length);
    rejects.forEach(([row, column, reason], i) => {
      expect(got[i][0]).toBe(row);
      expect(got[i][1]).toBe(column);
      expect(got[i][2]).toMatch(reason);
    });
    if (note) expect(report.notes.join('\n')).toMatch(note);
  });
});

interface FileCase {
  name: string;
  /** A file to load as pois, or a bundle folder. */
  file?: string;
  bundle?: string;
  entry?: Partial<LayerEntry>;
  message: RegExp;
}

const FILE_CASES: FileCase[] = [
  { name: 'an empty file', file: 'empty.csv', message: /^empty\.csv is empty \(0 bytes\); export the data again/ },
  { name: 'a header with no rows', file: 'header-only.csv', message: /^header-only\.csv has a header but no data rows; add the rows/ },
  { name: 'a truncated GeoJSON file', file: 'truncated.geojson', message: /^truncated\.geojson is not valid JSON .*perhaps truncated; export the file again\.$/ },
  { name: 'an encoding that cannot be read', file: 'bad-encoding.csv', message: /^bad-encoding\.csv is not readable as UTF-8 or GB18030; save it as UTF-8 or set "encoding"/ },
  // "São Paulo", "Niterói" in Windows-1252: not UTF-8, and not Chinese either
  { name: 'a Latin-1 file', file: 'latin1.csv', message: /^latin1\.csv is not UTF-8 and looks like Latin-1\/Windows-1252 rather than GBK; save it as UTF-8/ },
  { name: 'no coordinate column', file: 'no-coordinates.csv', message: /^no-coordinates\.csv has no coordinate columns .*name them in columns\.lon and columns\.lat/ },
  {
    name: 'candidate addresses with no gazetteer to geocode them',
    file: 'no-coordinates.csv',
    entry: { layer: 'candidates', columns: { address: 'name' } },
    message: /^no-coordinates\.csv has no coordinate columns, and its addresses cannot be geocoded without a gazetteer; add a gazetteer layer/,
  },
  { name: 'projected metres in every row', file: 'projected-all.csv', message: /^projected-all\.csv holds projected metres .* set "crs": "epsg3857"/ },
  { name: 'a column map naming a column that is not there', file: 'duplicate-ids.csv', entry: { columns: { category: 'kind' } }, message: /^duplicate-ids\.csv has no column 'kind' for "category" .*fix columns\.category in bundle\.json/ },
  { name: 'a declared format the content contradicts', file: 'polygons.geojson', entry: { format: 'csv' }, message: /^polygons\.geojson is a GeoJSON file but bundle\.json says "format": "csv"; correct the format or the file\.$/ },
  { name: 'an unknown layer in bundle.json', bundle: 'unknown-layer', message: /^bundle\.json: layers\[0\]\.layer is 'shops', which is not a layer; use one of regions, districts/ },
  { name: 'a file the manifest names that does not exist', bundle: 'missing-file', message: /^bundle\.json names 'nowhere\.csv' for layer pois, but that file does not exist; fix the path/ },
];

describe('content that does not match its name', () => {
  it('reads a GeoJSON file named .csv as GeoJSON, and says so', async () => {
    const { report } = await loadLayerFile('shapes.csv', bytes('polygons.geojson'), { layer: 'districts', file: 'shapes.csv' });
    expect(report.notes[0]).toBe('read as GeoJSON: its content is GeoJSON although its name says CSV');
    // the same 7 features as polygons.geojson: 1 loaded, 6 rejected
    expect([report.read, report.loaded, report.rejected]).toEqual([7, 1, 6]);
  });
});

describe('whole-file problems are one sentence naming the file and the fix', () => {
  it.each(FILE_CASES)('$name', async ({ file, bundle, entry, message }) => {
    const run = bundle !== undefined ? loadBundleDir(dir + bundle) : load(file ?? '', entry);
    const err: unknown = await run.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(BundleError);
    expect((err as BundleError).message).toMatch(message);
    // One sentence: a single full stop at the end, none in the middle (file names aside).
    expect((err as BundleError).message.replace(/\.(csv|geojson|json)/g, '').replace(/\d\.\d/g, '').split('. ')).toHaveLength(1);
  });
});

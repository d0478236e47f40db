/**
 * Parquet and Arrow IPC importers. Fixture files are written in the test by independent writers
 * (hyparquet-writer, apache-arrow), with values chosen so each expected RawTable is known by hand.
 */
import { Table, tableToIPC, vectorFromArray, Float64, Int64, Utf8, Bool } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../src/errors.ts';
import { readArrowIpc } from '../../src/io/arrow-ipc.ts';
import { readParquet } from '../../src/io/parquet.ts';

const ids = ['a', 'b', 'c'];
const lon = [116.4, 121.47, NaN];
const lat = [39.9, 31.23, 22.5];
const population = [1000n, 2500n, 9007199254740993n]; // the last is beyond 2^53: kept exact as text
const note = ['x', null, 'z'];

describe('readParquet', () => {
  const bytes = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ids, type: 'STRING' },
        { name: 'lon', data: Float64Array.from(lon), type: 'DOUBLE' },
        { name: 'lat', data: Float64Array.from(lat), type: 'DOUBLE' },
        { name: 'population', data: BigInt64Array.from(population), type: 'INT64' },
        { name: 'note', data: note, type: 'STRING', nullable: true },
        { name: 'open', data: [true, false, true], type: 'BOOLEAN' },
      ],
    }),
  );

  it('reads every column in order with typed values, NaN and null as null', async () => {
    const table = await readParquet('sites.parquet', bytes);
    expect(table.file).toBe('sites.parquet');
    expect(table.rowCount).toBe(3);
    expect(table.columns).toEqual(['id', 'lon', 'lat', 'population', 'note', 'open']);
    expect(table.values).toEqual({
      id: ['a', 'b', 'c'],
      lon: [116.4, 121.47, null],
      lat: [39.9, 31.23, 22.5],
      population: [1000, 2500, '9007199254740993'],
      note: ['x', null, 'z'],
      open: [true, false, true],
    });
    expect(table.geometry).toBeUndefined();
  });

  it('reads a byte view in the middle of a larger buffer', async () => {
    const padded = new Uint8Array(bytes.length + 10);
    padded.set(bytes, 5);
    const table = await readParquet('sites.parquet', padded.subarray(5, 5 + bytes.length));
    expect(table.values.id).toEqual(ids);
  });

  it('turns a GEOMETRY column into the table geometry', async () => {
    const geometries = [
      { type: 'Point', coordinates: [1, 2] },
      { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
    ];
    const geo = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: ['p', 'q'], type: 'STRING' },
          { name: 'geometry', data: geometries, type: 'GEOMETRY' },
        ],
      }),
    );
    const table = await readParquet('areas.parquet', geo);
    expect(table.columns).toEqual(['id']);
    expect(table.geometry).toEqual(geometries);
    expect(table.notes.join(' ')).toMatch(/geometry read from column "geometry"/);
  });

  it('throws a BundleError naming the file for bytes that are not Parquet', async () => {
    const bad = readParquet('bad.parquet', new TextEncoder().encode('id,lon,lat\n1,2,3\n'));
    await expect(bad).rejects.toBeInstanceOf(BundleError);
    await expect(bad).rejects.toThrow(/^bad\.parquet is not a readable Parquet file .*; export it again/);
  });
});

describe('readArrowIpc', () => {
  const table = new Table({
    id: vectorFromArray(ids, new Utf8()),
    lon: vectorFromArray([116.4, 121.47, null], new Float64()),
    lat: vectorFromArray(lat, new Float64()),
    population: vectorFromArray(population, new Int64()),
    note: vectorFromArray(note, new Utf8()),
    open: vectorFromArray([true, false, null], new Bool()),
  });
  const expected = {
    id: ['a', 'b', 'c'],
    lon: [116.4, 121.47, null],
    lat: [39.9, 31.23, 22.5],
    population: [1000, 2500, '9007199254740993'],
    note: ['x', null, 'z'],
    open: [true, false, null],
  };

  it.each(['file', 'stream'] as const)('reads the IPC %s format with nulls kept', async (format) => {
    const raw = await readArrowIpc('sites.arrow', tableToIPC(table, format));
    expect(raw.rowCount).toBe(3);
    expect(raw.columns).toEqual(['id', 'lon', 'lat', 'population', 'note', 'open']);
    expect(raw.values).toEqual(expected);
  });

  it('throws a BundleError naming the file for bytes that are not Arrow', async () => {
    const bad = readArrowIpc('bad.arrow', new TextEncoder().encode('not arrow at all'));
    await expect(bad).rejects.toBeInstanceOf(BundleError);
    await expect(bad).rejects.toThrow(/^bad\.arrow /);
  });
});

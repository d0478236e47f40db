/**
 * Parquet and Arrow IPC reach layers through the same dispatcher and validation as CSV: the
 * tables are written here in memory (hyparquet-writer, apache-arrow) with values checkable by eye,
 * including a null population and a swapped point, so rejects work the same for every format.
 */
import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import type { PointLayer } from '../../src/data/layer.ts';

const ids = ['a', 'b', 'c', 'd'];
const lon = [116.4, 116.41, 39.92, 116.43]; // row 3 holds lat/lon the other way round
const lat = [39.9, 39.91, 116.42, 39.93];
const population = [100, 250, 300, 50];

function check(layer: PointLayer, report: { read: number; loaded: number; rejected: number; rejects: { row: number; reason: string }[] }): void {
  expect([report.read, report.loaded, report.rejected]).toEqual([4, 3, 1]);
  expect(report.rejects[0].row).toBe(3);
  expect(report.rejects[0].reason).toMatch(/swapped/);
  expect(layer.ids).toEqual(['a', 'b', 'd']);
  expect(Array.from(layer.numeric.population)).toEqual([100, 250, 50]);
  expect(Array.from(layer.lon)).toEqual([116.4, 116.41, 116.43]);
}

describe('columnar formats', () => {
  it('loads a Parquet file (format from the .parquet name)', async () => {
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ids, type: 'STRING' },
        { name: 'lon', data: lon, type: 'DOUBLE' },
        { name: 'lat', data: lat, type: 'DOUBLE' },
        { name: 'population', data: population, type: 'INT32' },
      ],
    });
    const { layer, report } = await loadLayerFile('demand.parquet', new Uint8Array(buf), { layer: 'demand', file: 'demand.parquet' });
    check(layer as PointLayer, report);
  });

  it('loads an Arrow IPC file (format from the .arrow name)', async () => {
    const table = tableFromArrays({ id: ids, lon: Float64Array.from(lon), lat: Float64Array.from(lat), population: Int32Array.from(population) });
    const { layer, report } = await loadLayerFile('demand.arrow', tableToIPC(table, 'file'), { layer: 'demand', file: 'demand.arrow' });
    check(layer as PointLayer, report);
  });
});

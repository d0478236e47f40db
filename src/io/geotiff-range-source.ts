/**
 * A RangeReader as geotiff.js's data source (the `GeoTIFF.fromSource` door, the one `fromFile` and
 * `fromUrl` use): the header and IFDs are read first, then only the tiles or strips a window
 * touches, so a Cloud-Optimised GeoTIFF is read by range, not whole.
 */
import { GeoTIFF } from 'geotiff';
import type { RangeReader } from './file-source.ts';

type Slice = { offset: number; length: number };

const ownBuffer = (b: Uint8Array): ArrayBuffer =>
  b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.slice().buffer;

export function geoTiffFromRanges(reader: RangeReader, signal?: AbortSignal): Promise<GeoTIFF> {
  const source = {
    async fetchSlice(slice: Slice) {
      return { ...slice, data: ownBuffer(await reader.read(slice.offset, slice.length)) };
    },
    async fetch(slices: Slice[]) {
      return Promise.all(slices.map(async (s) => (await source.fetchSlice(s)).data));
    },
    get fileSize(): number {
      return reader.size;
    },
    close: () => reader.close(),
  };
  return GeoTIFF.fromSource(source, {}, signal);
}

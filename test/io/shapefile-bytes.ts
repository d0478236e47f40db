/** Shapefile parts written byte by byte (ESRI layout: big-endian file header, little-endian shapes; dBASE III). */
export type Ring = [number, number][];
export type Shape = { type: 0 } | { type: 1; x: number; y: number } | { type: 5; rings: Ring[] };

export function shp(shapes: Shape[]): Uint8Array {
  const bodies = shapes.map((s) => {
    if (s.type === 0) return new Uint8Array(4);
    if (s.type === 1) {
      const b = new DataView(new ArrayBuffer(20));
      b.setInt32(0, 1, true);
      b.setFloat64(4, s.x, true);
      b.setFloat64(12, s.y, true);
      return new Uint8Array(b.buffer);
    }
    const points = s.rings.flat();
    const b = new DataView(new ArrayBuffer(44 + 4 * s.rings.length + 16 * points.length));
    b.setInt32(0, 5, true);
    b.setInt32(36, s.rings.length, true);
    b.setInt32(40, points.length, true);
    let start = 0;
    s.rings.forEach((r, i) => {
      b.setInt32(44 + 4 * i, start, true);
      start += r.length;
    });
    points.forEach(([x, y], i) => {
      b.setFloat64(44 + 4 * s.rings.length + 16 * i, x, true);
      b.setFloat64(52 + 4 * s.rings.length + 16 * i, y, true);
    });
    return new Uint8Array(b.buffer);
  });
  const total = 100 + bodies.reduce((n, b) => n + 8 + b.length, 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, total / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 5, true);
  let at = 100;
  bodies.forEach((b, i) => {
    v.setInt32(at, i + 1, false);
    v.setInt32(at + 4, b.length / 2, false);
    out.set(b, at + 8);
    at += 8 + b.length;
  });
  return out;
}

/** dBASE III: fields [name, type, length], rows of cells; text encoded by `encode`. */
export function dbf(fields: [string, 'C' | 'N', number][], rows: (string | number)[][], encode: (s: string) => Uint8Array = (s) => new TextEncoder().encode(s)): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f[2], 0);
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const v = new DataView(out.buffer);
  out[0] = 3;
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLength, true);
  v.setUint16(10, recordLength, true);
  fields.forEach(([name, type, length], i) => {
    out.set(encode(name).subarray(0, 10), 32 + 32 * i);
    out[32 + 32 * i + 11] = type.charCodeAt(0);
    out[32 + 32 * i + 16] = length;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength;
    out[at++] = 0x20;
    row.forEach((cell, c) => {
      const [, type, length] = fields[c];
      const bytes = type === 'N' ? new TextEncoder().encode(String(cell).padStart(length)) : encode(String(cell));
      const padded = new Uint8Array(length).fill(0x20);
      padded.set(bytes.subarray(0, length));
      out.set(padded, at);
      at += length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/**
 * Issue 19 item 6: one bad cell silently retyped a column. With columns.attractiveness unmapped, a
 * single 'n/a' among the competitors' attractiveness turned the whole column into text and the
 * scenario ignored it for every competitor. A mostly-numeric column stays numeric; its bad cells
 * are kept as missing and said so in the notes.
 */
import { describe, expect, it } from 'vitest';
import { isNumericColumn } from '../../src/data/raw-values.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('column typing', () => {
  it("competitors' attractiveness with one 'n/a' stays numeric, the cell missing and noted", async () => {
    const rows = ['id,brand,lon,lat,attractiveness', 'c1,A,114.00,22.50,3', 'c2,B,114.01,22.50,n/a', 'c3,A,114.02,22.50,5'];
    const { layer, report } = await loadLayerFile('competitors.csv', enc(rows.join('\n') + '\n'), { layer: 'competitors', file: 'competitors.csv' });
    expect(layer.kind).toBe('point');
    const a = layer.numeric.attractiveness;
    expect(a).toBeDefined();
    expect([a?.[0], a?.[2]]).toEqual([3, 5]);
    expect(Number.isNaN(a?.[1])).toBe(true);
    expect(layer.text.attractiveness).toBeUndefined();
    expect(report.notes).toContain("1 value(s) of 'attractiveness' are not numbers and are kept as missing (e.g. 'n/a')");
    expect([report.read, report.loaded]).toEqual([3, 3]);
  });

  it('one stray text in twenty numbers keeps the column numeric; more makes it text', () => {
    const nineteen = [...all(19).map(String), 'unknown'];
    expect(isNumericColumn(nineteen, all(20))).toBe(true);
    const tenth = [...all(9).map(String), 'unknown'];
    expect(isNumericColumn(tenth, all(10))).toBe(false);
  });

  it('missing-value tokens never retype a column; names and zero-padded codes stay text', () => {
    expect(isNumericColumn(['1', 'NA', '#N/A', '-', 'null', '2'], all(6))).toBe(true);
    expect(isNumericColumn(['n/a', ''], all(2))).toBe(false); // no number at all
    expect(isNumericColumn(['Shop 1', 'Shop 2', '3'], all(3))).toBe(false);
    expect(isNumericColumn(['01234', '02345', '12345'], all(3))).toBe(false);
  });
});

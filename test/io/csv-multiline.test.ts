/**
 * Issue 19 item 5: rows absorbed by quotes without a note. Legal CSV can hold line breaks inside
 * quotes, so the rows are kept as read, but "nothing lost" must be visible: how many physical lines
 * each record took, and records whose quoted field holds what looks like whole rows are flagged
 * with their line numbers.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('records that span several lines', () => {
  // Lines: 1 header, 2–4 K1 (K2 and K3 vanish into its name), 5 K4.
  const SWALLOWED = 'id,lon,lat,name\nK1,114,22.6,"Shop 5\nK2,114.1,22.6,Shop 6\nK3,114.2,22.6,Shop 7"\nK4,114.3,22.6,Shop 8\n';

  it('the parser counts each record\'s lines and the quoted lines that look like rows', () => {
    const p = parseCsv(SWALLOWED, ',');
    expect(p.rowCount).toBe(2);
    expect(p.multiLine).toEqual([{ record: 0, firstLine: 2, lines: 3, rowLike: 2 }]);
  });

  it('K1,"Shop 5⏎K2,…⏎K3,…,Shop 7"⏎K4: read 2, loaded 2, with the lines and a suspicious note', async () => {
    const { report } = await loadLayerFile('shops.csv', enc(SWALLOWED), { layer: 'pois', file: 'shops.csv', columns: { category: { value: 'shop' } } });
    expect([report.read, report.loaded, report.rejected]).toEqual([2, 2, 0]);
    expect(report.notes).toContain('1 row(s) span several lines because a quoted field holds line breaks: row 1 (lines 2–4)');
    expect(report.notes.find((n) => n.startsWith('suspicious'))).toMatch(/^suspicious: row 1 \(lines 2–4\) holds 2 line\(s\) with a whole row's fields; a closing quote may be missing/);
  });

  it('an address on two lines is noted but not suspicious', () => {
    const p = parseCsv('id,lon,lat,address\r\nA,1,2,"12 High St\r\nFlat 3"\r\nB,1,2,x\r\n', ',');
    expect(p.multiLine).toEqual([{ record: 0, firstLine: 2, lines: 2, rowLike: 0 }]);
  });

  it('a quote never closed mid-file: the notes give the line it opened on and how far it ran', async () => {
    const rows = ['id,lon,lat,name', 'A,1,1,ok', 'B,1,1,"open'];
    for (let i = 0; i < 1000; i++) rows.push(`C${i},1,1,x`);
    const { report } = await loadLayerFile('open.csv', enc(rows.join('\n') + '\n'), { layer: 'pois', file: 'open.csv', columns: { category: { value: 'shop' } } });
    expect([report.read, report.loaded, report.rejected]).toEqual([2, 1, 1]);
    expect(report.rejects[0]).toMatchObject({ row: 2, reason: 'truncated record: a quoted field is never closed' });
    expect(report.notes).toContain('1 row(s) span several lines because a quoted field holds line breaks: row 2 (lines 3–1003)');
    expect(report.notes.find((n) => n.startsWith('suspicious'))).toMatch(/row 2 \(lines 3–1003\) holds 1000 line\(s\) with a whole row's fields/);
  });
});

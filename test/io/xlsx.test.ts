/**
 * Excel workbooks written here as the zip of XML parts Excel saves (workbook, relationships,
 * shared strings, sheets), so every cell is visible: Chinese headers 经度/纬度, shared and inline
 * strings, an entity, a blank row, a second named sheet, a missing coordinate.
 */
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import type { PointLayer } from '../../src/data/layer.ts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function workbook(sheets: Record<string, string>, shared: string[]): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook ${NS}><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0"?><sst ${NS}>${shared.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`),
  };
  names.forEach((n, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheets[n]}</sheetData></worksheet>`);
  });
  return zipSync(files);
}

const s = (ref: string, i: number): string => `<c r="${ref}" t="s"><v>${i}</v></c>`;
const n = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;
const inline = (ref: string, t: string): string => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;

// Shared strings: 0 编号, 1 经度, 2 纬度, 3 地址, 4 租金, 5 a1, 6 深圳市南山区深南大道9988号, 7 a2
const shared = ['编号', '经度', '纬度', '地址', '租金', 'a1', '深圳市南山区深南大道9988号', 'a2'];
const premises = [
  `<row r="1">${s('A1', 0)}${s('B1', 1)}${s('C1', 2)}${s('D1', 3)}${s('E1', 4)}</row>`,
  `<row r="2">${s('A2', 5)}${n('B2', 113.9436)}${n('C2', 22.5404)}${s('D2', 6)}${n('E2', 320)}</row>`,
  '<row r="3"/>',
  `<row r="4">${s('A4', 7)}${n('B4', 113.95)}${n('C4', 22.55)}${inline('D4', 'R&amp;D 园 1号')}${n('E4', 280.5)}</row>`,
  `<row r="5">${inline('A5', 'a3')}${n('C5', 22.56)}${n('E5', 99)}</row>`,
].join('');

describe('Excel reader', () => {
  it('reads the first sheet with Chinese coordinate headers, typed cells and a rejected row', async () => {
    const bytes = workbook({ 门店: premises, other: `<row r="1">${inline('A1', 'x')}</row>` }, shared);
    const { layer, report } = await loadLayerFile('sites.xlsx', bytes, { layer: 'candidates', file: 'sites.xlsx' });
    const p = layer as PointLayer;
    expect(p.ids).toEqual(['a1', 'a2']);
    expect(Array.from(p.lon)).toEqual([113.9436, 113.95]);
    expect(Array.from(p.numeric.rent)).toEqual([320, 280.5]);
    expect(p.text.address).toEqual(['深圳市南山区深南大道9988号', 'R&D 园 1号']);
    // The blank row is skipped: a3 is data record 3, missing its longitude.
    expect([report.read, report.loaded, report.rejected]).toEqual([3, 2, 1]);
    expect(report.rejects[0]).toMatchObject({ row: 3, column: '经度', reason: 'missing coordinate' });
    expect(report.notes.join('\n')).toMatch(/Excel sheet '门店': 3 rows/);
  });

  it('reads a sheet by name, and names the sheets when the name is wrong', async () => {
    const bytes = workbook({ notes: `<row r="1">${inline('A1', 'readme')}</row>`, sites: premises }, shared);
    const { layer } = await loadLayerFile('w.xlsx', bytes, { layer: 'candidates', file: 'w.xlsx', sheet: 'sites' });
    expect(layer.ids).toEqual(['a1', 'a2']);
    await expect(loadLayerFile('w.xlsx', bytes, { layer: 'candidates', file: 'w.xlsx', sheet: 'Sheet1' })).rejects.toThrow(
      /^w\.xlsx has no sheet named 'Sheet1' \(its sheets are 'notes', 'sites'\)/,
    );
  });

  it('is detected from its content under another name, and an .xls-like zip is refused in one sentence', async () => {
    const bytes = workbook({ s: premises }, shared);
    const { report } = await loadLayerFile('export.dat', bytes, { layer: 'candidates', file: 'export.dat' });
    expect(report.notes[0]).toMatch(/read as Excel/);
    await expect(loadLayerFile('x.xlsx', zipSync({ 'a.txt': strToU8('hi') }), { layer: 'pois', file: 'x.xlsx', format: 'xlsx' })).rejects.toThrow(/^x\.xlsx is a zip but not an Excel workbook/);
  });
});

/**
 * Issue 19 item 3: spreadsheet formula injection. A name such as =HYPERLINK("http://x","y") or
 * =cmd|'/C calc'!A0, or text starting with + - @, a tab or a CR, must reach every CSV the project
 * writes with a leading single quote (OWASP), while numbers — the program's own, negative ones
 * included — stay numbers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rejectsCsv } from '../../src/app/panels/layer-report.ts';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { csvCell, csvRow, csvText } from '../../src/io/csv-write.ts';
import { readCsvText } from '../../src/io/read-csv.ts';
import { rejectReason } from '../../src/reject-reason.ts';

describe('csvCell neutralises formulas', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["=cmd|'/C calc'!A0", "'=cmd|'/C calc'!A0"],
    ['+1+cmd|x', "'+1+cmd|x"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('leaves numbers as numbers: number values and text that is just a decimal number', () => {
    expect(csvRow([-3.5, 0, 12, '-181', '+5', '-1e-3', '-.5', NaN, null, undefined])).toBe('-3.5,0,12,-181,+5,-1e-3,-.5,,,\r\n');
  });

  it('quotes per RFC 4180 with CRLF line ends', () => {
    expect(csvText(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', 3]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });

  it('the workbench rejects export', () => {
    const report = { layer: 'pois' as const, file: 'p.csv', read: 2, loaded: 1, rejected: 1, notes: [], rejects: [{ row: 2, column: 'lon', ...rejectReason('non-numeric-coordinate'), value: '=1+1' }] };
    expect(rejectsCsv(report)).toBe("row,id,column,reason,value\r\n2,,lon,non-numeric coordinate,'=1+1\r\n");
  });
});

describe('siteselect score writes neutralised cells', () => {
  const temp = mkdtempSync(join(tmpdir(), 'csv-injection-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const sample = join(new URL('../../', import.meta.url).pathname, 'data', 'sample');

  it('in the scores and the rejects; lon/lat and negative-capable numbers stay numbers', async () => {
    writeFileSync(join(temp, 'evil.csv'), [
      'id,name,lon,lat,rent',
      'A,"=HYPERLINK(""http://x"",""y"")",114.06,22.55,-5',
      "@B,=cmd|'/C calc'!A0,114.07,22.56,7000",
      'C,+plus,=1+1,22.57,7000',
    ].join('\n') + '\n');
    let stderr = '';
    const io: CliIO = { stdout: () => {}, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd: temp };
    expect(await main(['score', sample, '--candidates', 'evil.csv', '--out', 'out.csv', '--threads', '1', '-q'], io), stderr).toBe(0);
    const text = readFileSync(join(temp, 'out.csv'), 'utf8');
    const out = readCsvText('out.csv', text);
    const names = out.values.name.map(String).sort();
    expect(names).toEqual(["'=HYPERLINK(\"http://x\",\"y\")", "'=cmd|'/C calc'!A0"]);
    expect(out.values.id.map(String).sort()).toEqual(["'@B", 'A']);
    expect(text).toMatch(/\r\n/);
    const rejects = readFileSync(join(temp, 'out.rejects.csv'), 'utf8');
    expect(rejects).toContain("'=1+1");
    expect(rejects).not.toMatch(/,=1\+1/);
  });
});

import { describe, expect, it } from 'vitest';
import { compileNotebook } from '../../src/notebook/compile.ts';
import { parseCells } from '../../src/notebook/parse-cells.ts';

const SOURCE = [
  "import { display } from './rt.ts';", // 1  preamble
  '', //                                     2
  '// %% [markdown]', //                     3  markdown cell
  '// # Title', //                           4
  '// Some *prose*.', //                     5
  'const x: number = 1;', //                 6  implicit code cell after the markdown
  '// %% Second cell', //                    7
  'interface P { a: string }', //            8
  'const p: P = { a: "b" };', //             9
  'display(p.a as string, x);', //          10
].join('\n');

describe('parseCells (percent format)', () => {
  it('splits preamble, markdown, the code after markdown, and titled cells, with file line numbers', () => {
    const cells = parseCells(SOURCE);
    expect(cells.map((c) => [c.kind, c.title, c.markerLine, c.firstLine, c.lastLine, c.preamble, c.implicit])).toEqual([
      ['code', '', 1, 1, 1, true, false],
      ['markdown', '', 3, 4, 5, false, false],
      ['code', '', 6, 6, 6, false, true],
      ['code', 'Second cell', 7, 8, 10, false, false],
    ]);
    expect(cells[1].source).toBe('# Title\nSome *prose*.');
  });

  it('has no preamble cell when the file starts with a marker', () => {
    const cells = parseCells('// %% A\nlet a = 1;\n// %% B\na++;');
    expect(cells.map((c) => c.title)).toEqual(['A', 'B']);
  });
});

describe('compileNotebook', () => {
  const compile = (src: string) => compileNotebook('/nb/x.ts', src, { runtimeSpecifier: '/rt/context.ts', resolveSpecifier: (s) => (s.startsWith('./') ? 'file:///abs/' + s.slice(2) : undefined) });

  it('keeps every line where it was: types blanked, markers replaced by enterCell calls on the same line', () => {
    const out = compile(SOURCE);
    expect(out.diagnostics).toEqual([]);
    const lines = out.code.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('import { enterCell as __nbEnterCell } from "/rt/context.ts"; __nbEnterCell(0); import { display } from "file:///abs/rt.ts";');
    expect(lines[5]).toBe('__nbEnterCell(2); const x         = 1;');
    expect(lines[6]).toBe('__nbEnterCell(3);');
    expect(lines[7].trim()).toBe(''); // the interface is gone, its line kept
    expect(lines[9]).toBe('display(p.a          , x);');
  });

  it('reports a syntax error with its line and column, and produces no code', () => {
    const out = compile('// %% A\nconst a = 1;\n// %% B\nconst b = (;\n');
    expect(out.code).toBe('');
    expect(out.diagnostics[0]).toMatchObject({ line: 4, column: 12 });
  });

  it('refuses a marker inside a statement, naming the statement line', () => {
    const out = compile('// %% A\nfunction f() {\n// %% inside\n  return 1;\n}\n');
    expect(out.diagnostics).toEqual([{ line: 3, column: 1, message: expect.stringContaining('line 2') }]);
  });

  it('rejects TypeScript-only runtime syntax (enum) with its line', () => {
    const out = compile('// %% A\nenum E { A }\n');
    expect(out.diagnostics[0]).toMatchObject({ line: 2, message: expect.stringContaining('EnumDeclaration') });
  });
});

/**
 * Runs small notebooks through the Node runtime (the path `siteselect notebook` takes) and checks
 * where outputs and errors land. Line numbers are counted by hand in the sources below.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/notebook/render-html.ts';
import { runNotebookFile } from '../../src/notebook/run-file.node.ts';

const repo = resolve(import.meta.dirname, '..', '..');
mkdirSync(join(repo, 'test-output'), { recursive: true });
const dir = mkdtempSync(join(repo, 'test-output', 'nb-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runtime = join(repo, 'src', 'notebook', 'index.ts');

function notebook(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('running a notebook', () => {
  it('shows a thrown error at the failing cell with its line; earlier cells keep their output, later ones do not run', async () => {
    const file = notebook('throws.ts', [
      `import { display } from '${runtime}';`, // 1
      '// %% First', //                           2
      "display('first output');", //              3
      '// %% Second', //                          4
      "display('before the error');", //          5
      'const radius: number = -1;', //            6
      "if (radius < 0) throw new RangeError('radius must be positive');", // 7 (`new` at column 23)
      '// %% Third', //                           8
      "display('never shown');", //               9
    ]);
    const result = await runNotebookFile(file);
    expect(result.ok).toBe(false);
    const [, first, second, third] = result.cells;
    expect(first.status).toBe('ok');
    expect(first.outputs).toEqual([{ kind: 'text', text: 'first output' }]);
    expect(second.status).toBe('error');
    expect(second.outputs).toEqual([
      { kind: 'text', text: 'before the error' },
      { kind: 'error', name: 'RangeError', message: 'radius must be positive', line: 7, column: 23 },
    ]);
    expect(third.status).toBe('not-run');
    expect(third.outputs).toEqual([]);

    const html = renderReport(result, { title: 'throws.ts' });
    const secondSection = html.slice(html.indexOf('id="cell-2"'), html.indexOf('id="cell-3"'));
    expect(secondSection).toContain('<strong>RangeError</strong> at line 7, column 23: radius must be positive');
    expect(secondSection).toContain('7 | if (radius &lt; 0) throw'); // the line itself, escaped
    expect(html).toContain('first output');
    expect(html).not.toContain('never shown</pre>');
  });

  it('traces an error thrown inside the API back to the awaiting notebook line', async () => {
    const file = notebook('missing-bundle.ts', [
      `import { display, loadBundle } from '${runtime}';`, // 1
      '// %% Load', //                                       2
      "display('loading');", //                              3
      "const b = await loadBundle('no/such/folder');", //    4
      'display(b.name);', //                                 5
    ]);
    const result = await runNotebookFile(file, { cwd: dir });
    const err = result.cells[1].outputs[1];
    expect(err).toMatchObject({ kind: 'error', name: 'BundleError', line: 4 });
    expect(err.kind === 'error' && err.message).toContain('no/such/folder does not exist');
  });

  it('reports a syntax error at its cell without running anything', async () => {
    const file = notebook('syntax.ts', [`import { display } from '${runtime}';`, '// %% Fine', "display('x');", '// %% Broken', 'const a = [1, 2;']);
    const result = await runNotebookFile(file);
    expect(result.cells.map((c) => c.status)).toEqual(['not-run', 'not-run', 'error']);
    expect(result.cells[2].outputs[0]).toMatchObject({ kind: 'error', name: 'SyntaxError', line: 5 });
  });

  it('displays tables, records and markdown with text escaped', async () => {
    const file = notebook('outputs.ts', [
      `import { display, md } from '${runtime}';`,
      '// %% Outputs',
      "display([{ id: 'a<b>', n: 1234567 }, { id: 'c', n: 0.5 }], { caption: 'rows & more' });",
      "display({ population: 601723, name: '<script>' });",
      'display(md`**${2}** & <i>not html</i>`);',
    ]);
    const result = await runNotebookFile(file);
    expect(result.ok).toBe(true);
    const outputs = result.cells[1].outputs;
    expect(outputs[0]).toEqual({ kind: 'table', caption: 'rows & more', columns: ['id', 'n'], rows: [['a<b>', 1234567], ['c', 0.5]], total: 2 });
    expect(outputs[1]).toEqual({ kind: 'table', caption: '', columns: ['', 'value'], rows: [['population', 601723], ['name', '<script>']], total: 2 });
    const html = renderReport(result, { title: 'outputs' });
    expect(html).toContain('<td>a&lt;b&gt;</td><td class="num">1 234 567</td>');
    expect(html).toContain('<td class="num">601 723</td>');
    expect(html).toContain('<td>&lt;script&gt;</td>');
    expect(html).toContain('<strong>2</strong> &amp; &lt;i&gt;not html&lt;/i&gt;');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('runs through the real command line (tsx, scratch module) and exits 1 with the failing line', async () => {
    const file = notebook('cli.ts', [
      `import { display } from '${runtime}';`, // 1
      '// %% Fine', //                            2
      "display([{ a: 1 }, { a: 22 }]);", //       3
      '// %% Fails', //                           4
      'JSON.parse("{oops");', //                  5
    ]);
    const out = join(dir, 'cli.html');
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, [join(repo, 'bin', 'siteselect.mjs'), 'notebook', file, '--out', out, '--json'], { cwd: dir }, (error, stdout, stderr) => {
        done({ code: error ? Number(error.code) : 0, stdout, stderr });
      });
    });
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as { ok: boolean; cellsRun: number; codeCells: number; error: { where: string; name: string } };
    expect(summary).toMatchObject({ ok: false, cellsRun: 3, codeCells: 3, error: { where: 'line 5, cell 3 "Fails"', name: 'SyntaxError' } });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<td class="num">22</td>');
    expect(html).toContain('<strong>SyntaxError</strong> at line 5');
    expect(readdirSync(dir).filter((f) => f.endsWith('.run.mjs'))).toEqual([]); // scratch removed
  });
});

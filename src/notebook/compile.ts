/**
 * Turns a notebook file into one plain ES module that runs all its cells in one module scope.
 *
 * Types are removed with ts-blank-space, which replaces them with spaces: every line and column of
 * the JavaScript is where it was in the file, so a stack trace's line number is the notebook's line
 * number in Node and in the browser alike, with no source map to consult. Each code cell's
 * `// %%` line becomes a call that tells the runtime which cell is running (same line, so nothing
 * moves). Runs in Node: the CLI and the preview server both compile before the module is imported.
 */
import ts from 'typescript';
import { blankSourceFile } from 'ts-blank-space';
import { parseCells, type NotebookCell } from './parse-cells.ts';

export interface CompileDiagnostic {
  line: number;
  column: number;
  message: string;
}

export interface CompiledNotebook {
  file: string;
  source: string;
  cells: NotebookCell[];
  /** JavaScript, line for line the notebook; empty when there are diagnostics. */
  code: string;
  diagnostics: CompileDiagnostic[];
}

export interface CompileOptions {
  /** How the module imports the runtime's `enterCell` (a URL or path the host can resolve). */
  runtimeSpecifier: string;
  /** Rewrites import specifiers (Node: relative paths → absolute file URLs); undefined keeps one. */
  resolveSpecifier?: (specifier: string) => string | undefined;
}

export const ENTER_CELL = '__nbEnterCell';

export function compileNotebook(file: string, source: string, options: CompileOptions): CompiledNotebook {
  const cells = parseCells(source);
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = syntaxDiagnostics(file, source, sf);
  let js = blankSourceFile(sf, (node) => {
    diagnostics.push({ ...where(sf, node.getStart(sf)), message: `${ts.SyntaxKind[node.kind]} is TypeScript-only syntax that notebooks do not support (use plain objects and functions)` });
  });
  diagnostics.push(...misplacedMarkers(sf, cells));
  if (diagnostics.length > 0) return { file, source, cells, code: '', diagnostics };
  if (options.resolveSpecifier) js = rewriteSpecifiers(sf, js, options.resolveSpecifier);
  const lines = js.split('\n');
  for (const cell of cells) {
    if (cell.kind !== 'code' || cell.preamble) continue;
    const at = cell.markerLine - 1;
    // A marker line is a comment: replace it. An implicit cell starts on code: prefix that line.
    lines[at] = cell.implicit ? `${ENTER_CELL}(${cell.index}); ${lines[at]}` : `${ENTER_CELL}(${cell.index});`;
  }
  const preamble = cells.find((c) => c.preamble);
  const head = `import { enterCell as ${ENTER_CELL} } from ${JSON.stringify(options.runtimeSpecifier)}; ${preamble ? `${ENTER_CELL}(${preamble.index}); ` : ''}`;
  lines[0] = head + lines[0];
  return { file, source, cells, code: lines.join('\n'), diagnostics };
}

function where(sf: ts.SourceFile, pos: number): { line: number; column: number } {
  const lc = sf.getLineAndCharacterOfPosition(pos);
  return { line: lc.line + 1, column: lc.character + 1 };
}

function syntaxDiagnostics(file: string, source: string, sf: ts.SourceFile): CompileDiagnostic[] {
  const out = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return (out.diagnostics ?? []).map((d) => ({
    ...where(sf, d.start ?? 0),
    message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
  }));
}

/** A `// %%` line inside a statement (a function body, a template) cannot start a cell. */
function misplacedMarkers(sf: ts.SourceFile, cells: NotebookCell[]): CompileDiagnostic[] {
  const found: CompileDiagnostic[] = [];
  for (const cell of cells) {
    if (cell.preamble || cell.implicit) continue;
    const pos = sf.getPositionOfLineAndCharacter(cell.markerLine - 1, 0);
    const inside = sf.statements.find((s) => s.getStart(sf) < pos && pos < s.end);
    if (inside) {
      found.push({
        line: cell.markerLine,
        column: 1,
        message: `cell marker inside the statement that starts on line ${where(sf, inside.getStart(sf)).line}; cells must split the file between top-level statements`,
      });
    }
  }
  return found;
}

/** Replaces module specifiers at their (unchanged) positions, last first so offsets stay valid. */
function rewriteSpecifiers(sf: ts.SourceFile, js: string, resolve: (s: string) => string | undefined): string {
  const literals: ts.StringLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      literals.push(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      literals.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = js;
  for (const lit of literals.sort((a, b) => b.getStart(sf) - a.getStart(sf))) {
    const start = lit.getStart(sf);
    const original = sf.text.slice(start, lit.end);
    if (out.slice(start, lit.end) !== original) continue; // a type-only import, already blanked
    const target = resolve(lit.text);
    if (target !== undefined) out = out.slice(0, start) + JSON.stringify(target) + out.slice(lit.end);
  }
  return out;
}

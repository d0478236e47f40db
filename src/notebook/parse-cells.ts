/**
 * Splits a notebook file into cells. The format is the "percent" format that Jupytext, VS Code,
 * Spyder and PyCharm already know, spelled with TypeScript comments:
 *
 *     // %% Optional title            a code cell
 *     // %% [markdown]                a prose cell; its lines are `// ` comments holding Markdown
 *
 * Lines before the first marker form a preamble code cell (typically the imports). A markdown cell
 * ends at its first line of code, which starts an untitled code cell without a marker. Line numbers
 * are 1-based and refer to the file as written, so errors point at what the analyst sees.
 */
export interface NotebookCell {
  index: number;
  kind: 'code' | 'markdown';
  /** Text after `%%` (code cells), '' when none. */
  title: string;
  /** Line of the `// %%` marker, or 1 for the preamble. */
  markerLine: number;
  /** First and last line of the cell's body (after the marker); lastLine < firstLine when empty. */
  firstLine: number;
  lastLine: number;
  /** The body as written (code), or the Markdown with the comment prefix removed. */
  source: string;
  /** True for the implicit cell before the first marker. */
  preamble: boolean;
  /** True for a code cell that starts right after a markdown cell, without a marker line. */
  implicit: boolean;
}

const MARKER = /^\/\/\s?%%(.*)$/;
const MARKDOWN_TAG = /^\s*\[(markdown|md)\]\s*(.*)$/i;

export function isCellMarker(line: string): boolean {
  return MARKER.test(line);
}

export function parseCells(source: string): NotebookCell[] {
  const lines = source.split(/\r?\n/);
  const cells: NotebookCell[] = [];
  let start = 0; // index of the first body line of the cell being collected
  type Header = { kind: 'code' | 'markdown'; title: string; markerLine: number; preamble: boolean; implicit: boolean };
  let header: Header = { kind: 'code', title: '', markerLine: 1, preamble: true, implicit: false };
  const close = (endExclusive: number): void => {
    if (header.kind === 'markdown') {
      const code = lines.slice(start, endExclusive).findIndex((l) => l.trim() !== '' && !/^\s*\/\//.test(l));
      if (code >= 0) {
        push(start, start + code);
        header = { kind: 'code', title: '', markerLine: start + code + 1, preamble: false, implicit: true };
        start += code;
      }
    }
    push(start, endExclusive);
  };
  const push = (from: number, endExclusive: number): void => {
    const body = lines.slice(from, endExclusive);
    if (header.preamble && body.every((l) => l.trim() === '')) return;
    const text = header.kind === 'markdown' ? body.map(uncomment).join('\n').trim() : trimBlankEnds(body).join('\n');
    cells.push({
      index: cells.length,
      kind: header.kind,
      title: header.title,
      markerLine: header.markerLine,
      firstLine: firstNonBlank(lines, from, endExclusive),
      lastLine: lastNonBlank(lines, from, endExclusive),
      source: text,
      preamble: header.preamble,
      implicit: header.implicit,
    });
  };
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i]);
    if (!m) continue;
    close(i);
    const rest = m[1].trim();
    const md = MARKDOWN_TAG.exec(rest);
    header = md
      ? { kind: 'markdown', title: md[2].trim(), markerLine: i + 1, preamble: false, implicit: false }
      : { kind: 'code', title: rest, markerLine: i + 1, preamble: false, implicit: false };
    start = i + 1;
  }
  close(lines.length);
  return cells;
}

/** The cell whose marker or body holds a line, or undefined before the first cell. */
export function cellAtLine(cells: readonly NotebookCell[], line: number): NotebookCell | undefined {
  let found: NotebookCell | undefined;
  for (const c of cells) if (c.markerLine <= line) found = c;
  return found;
}

function uncomment(line: string): string {
  return line.replace(/^\s*\/\/ ?/, '');
}

function trimBlankEnds(body: string[]): string[] {
  let a = 0;
  let b = body.length;
  while (a < b && body[a].trim() === '') a++;
  while (b > a && body[b - 1].trim() === '') b--;
  return body.slice(a, b);
}

function firstNonBlank(lines: string[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i].trim() !== '') return i + 1;
  return to + 1;
}

function lastNonBlank(lines: string[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (lines[i].trim() !== '') return i + 1;
  return from;
}

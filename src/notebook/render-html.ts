/**
 * Notebook results as HTML: the live page and the headless report use these same functions, so
 * they show the same thing. All text is escaped; the only markup taken as is comes from Plot
 * (serialised by a DOM, which escapes the text inside it).
 */
import { escapeHtml } from '../format/escape-html.ts';
import { formatNumber } from '../format/number.ts';
import { markdownToHtml } from './markdown.ts';
import type { ErrorOutput, Output, TableValue } from './outputs.ts';
import type { CellResult, NotebookResult } from './run.ts';
import { NOTEBOOK_CSS } from './notebook-css.ts';

export function renderOutput(output: Output, sourceLines: readonly string[]): string {
  switch (output.kind) {
    case 'text':
      return `<pre class="out-text">${escapeHtml(output.text)}</pre>`;
    case 'markdown':
      return `<div class="out-markdown">${markdownToHtml(output.markdown)}</div>`;
    case 'table':
      return renderTable(output.caption, output.columns, output.rows, output.total);
    case 'plot':
      return `<figure class="out-plot">${output.caption ? `<figcaption>${escapeHtml(output.caption)}</figcaption>` : ''}${output.markup}</figure>`;
    case 'error':
      return renderError(output, sourceLines);
  }
}

function renderTable(caption: string, columns: string[], rows: TableValue[][], total: number): string {
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((v) => (typeof v === 'number' ? `<td class="num">${escapeHtml(formatNumber(v))}</td>` : `<td>${escapeHtml(v === null ? '' : String(v))}</td>`)).join('')}</tr>`)
    .join('\n');
  const note = total > rows.length ? `<p class="table-note">${formatNumber(rows.length)} of ${formatNumber(total)} rows</p>` : '';
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : '';
  return `<div class="out-table"><table>${cap}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${note}</div>`;
}

function renderError(e: ErrorOutput, sourceLines: readonly string[]): string {
  const where = e.line !== undefined ? ` at line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}` : '';
  const code = e.line !== undefined && sourceLines[e.line - 1] !== undefined ? `<pre class="error-line">${e.line} | ${escapeHtml(sourceLines[e.line - 1])}</pre>` : '';
  return `<div class="out-error" role="alert" data-line="${e.line ?? ''}"><strong>${escapeHtml(e.name)}</strong>${escapeHtml(where)}: ${escapeHtml(e.message)}${code}</div>`;
}

/** One cell. `stale` outputs (from the previous run) are shown dimmed under a cell that did not run. */
export function renderCell(result: CellResult, sourceLines: readonly string[], stale?: readonly Output[]): string {
  const { cell, status } = result;
  if (cell.kind === 'markdown') return `<section class="cell cell-markdown" id="cell-${cell.index}" data-cell="${cell.index}">${markdownToHtml(cell.source)}</section>`;
  const errorLine = result.outputs.find((o): o is ErrorOutput => o.kind === 'error')?.line;
  const lines = cell.lastLine >= cell.firstLine ? sourceLines.slice(cell.firstLine - 1, cell.lastLine) : [];
  const code = lines
    .map((l, i) => {
      const n = cell.firstLine + i;
      return `<span class="line${n === errorLine ? ' error-here' : ''}" data-line="${n}"><span class="ln">${n}</span>${escapeHtml(l)}</span>`;
    })
    .join('\n');
  const title = cell.title || (cell.preamble || cell.implicit ? 'setup' : `cell ${cell.index + 1}`);
  const meta = status === 'not-run' ? 'not run' : `${formatNumber(Math.round(result.ms))} ms`;
  const outputs = result.outputs.map((o) => renderOutput(o, sourceLines)).join('\n');
  const staleHtml =
    status === 'not-run'
      ? `<p class="not-run">Not run: an earlier cell failed.</p>${stale?.length ? `<div class="stale" title="output of the previous run">${stale.map((o) => renderOutput(o, sourceLines)).join('\n')}</div>` : ''}`
      : '';
  return `<section class="cell cell-code status-${status}" id="cell-${cell.index}" data-cell="${cell.index}" data-status="${status}">
<header><span class="cell-title">${escapeHtml(title)}</span><span class="cell-meta">lines ${cell.firstLine}–${cell.lastLine} · ${meta}</span></header>
<details class="code"${status === 'error' ? ' open' : ''}><summary>code</summary><pre><code>${code}</code></pre></details>
<div class="outputs">${outputs}${staleHtml}</div>
</section>`;
}

/** The cells of a run, with the notebook-level error (if any) on top. */
export function renderCells(result: NotebookResult, previous?: NotebookResult): string {
  const sourceLines = result.source.split(/\r?\n/);
  const top = result.error ? renderOutput(result.error, sourceLines) : '';
  return top + result.cells.map((c) => renderCell(c, sourceLines, previous?.cells[c.cell.index]?.outputs)).join('\n');
}

/** A self-contained report: one file, inline styles and images, no scripts, no external assets. */
export function renderReport(result: NotebookResult, options: { title: string; generatedAt?: Date }): string {
  const when = (options.generatedAt ?? new Date()).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const status = result.ok ? 'all cells ran' : 'stopped at an error';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${NOTEBOOK_CSS}</style>
</head>
<body>
<main class="notebook">
<h1>${escapeHtml(options.title)}</h1>
<p class="report-meta">${escapeHtml(result.file)} · ${escapeHtml(when)} · ${escapeHtml(status)} · ${formatNumber(Math.round(result.ms))} ms</p>
${renderCells(result)}
</main>
</body>
</html>
`;
}

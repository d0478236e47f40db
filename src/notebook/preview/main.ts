/**
 * The live notebook page: pick a notebook, run it in the page, show its cells; when the file is
 * saved the server says so and the notebook runs again. Runs never overlap: a save during a run
 * queues one more run. Cells that did not run keep their previous output, dimmed.
 */
import type { CompileDiagnostic } from '../compile.ts';
import { NOTEBOOK_CSS } from '../notebook-css.ts';
import type { NotebookCell } from '../parse-cells.ts';
import { renderCells } from '../render-html.ts';
import { runCompiled, type NotebookResult } from '../run.ts';
import { escapeHtml } from '../../format/escape-html.ts';
import { formatNumber } from '../../format/number.ts';
import { browserHost } from './host.browser.ts';

interface Listing {
  dir: string;
  root: string;
  files: string[];
}

interface CompileResponse {
  file: string;
  source: string;
  cells: NotebookCell[];
  diagnostics: CompileDiagnostic[];
  module: string;
}

const params = new URLSearchParams(location.search);
const style = document.createElement('style');
style.textContent = NOTEBOOK_CSS + PAGE_CSS();
document.head.append(style);
const app = document.getElementById('app') ?? document.body;

let previous: NotebookResult | undefined;
let running = false;
let again = false;
let runs = 0;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

async function start(): Promise<void> {
  const listing = await getJson<Listing>('/__notebooks/list');
  const current = params.get('nb') ?? listing.files[0];
  const nav = listing.files.map((f) => `<a href="?nb=${encodeURIComponent(f)}"${f === current ? ' aria-current="page"' : ''}>${escapeHtml(f)}</a>`).join(' ');
  app.innerHTML = `<main class="notebook"><nav class="nb-nav">${nav}</nav><h1>${escapeHtml(current ?? 'no notebooks')}</h1><p class="report-meta" id="status" role="status">…</p><div id="cells"></div></main>`;
  if (!current) {
    setStatus(`No notebooks in ${listing.dir}/ yet: add a .ts file with // %% cells.`);
    return;
  }
  const host = browserHost({ args: params.getAll('arg'), root: listing.root });
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        setStatus('running…');
        const nb = await getJson<CompileResponse>(`/__notebooks/compile?file=${encodeURIComponent(current)}`);
        const compiled = { ...nb, code: '' };
        const moduleUrl = new URL(nb.module, location.href).href;
        const result = await runCompiled(compiled, host, () => import(/* @vite-ignore */ moduleUrl), moduleUrl);
        show(result);
      } while (again);
    } catch (err) {
      setStatus(`could not run: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const events = new EventSource('/__notebooks/events');
  events.onmessage = (e: MessageEvent<string>) => {
    const { file } = JSON.parse(e.data) as { file: string };
    if (file === current) void run();
  };
  await run();
}

function show(result: NotebookResult): void {
  const cells = document.getElementById('cells');
  if (cells) cells.innerHTML = renderCells(result, previous);
  // Keep the last outputs each cell had, so a failure further up does not blank the page.
  previous = previous ? mergeOutputs(previous, result) : result;
  runs++;
  document.body.dataset.runs = String(runs);
  const when = new Date().toLocaleTimeString();
  setStatus(`${result.ok ? 'ran' : 'stopped at an error'} in ${formatNumber(Math.round(result.ms))} ms · ${when} · run ${runs}`);
}

function mergeOutputs(old: NotebookResult, next: NotebookResult): NotebookResult {
  return { ...next, cells: next.cells.map((c) => (c.status === 'not-run' && old.cells[c.cell.index] ? { ...c, outputs: old.cells[c.cell.index].outputs } : c)) };
}

function setStatus(text: string): void {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
}

function PAGE_CSS(): string {
  return `.nb-nav { display: flex; flex-wrap: wrap; gap: .75rem; font-size: .9rem; margin-bottom: 1rem; }
.nb-nav a[aria-current] { font-weight: 700; }`;
}

void start();

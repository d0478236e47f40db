/** Styles shared by the live page and the report (inlined in the report). */
export const NOTEBOOK_CSS = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #5b6570; --line: #d8dde3; --bad: #b3261e; --bad-bg: #fdecea; }
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: #fafbfc; }
.notebook { max-width: 980px; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.report-meta, .cell-meta, .table-note, .not-run { color: var(--muted); font-size: .85rem; }
.cell { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: .75rem 1rem; }
.cell-markdown { background: transparent; border: none; padding: 0 .25rem; }
.cell > header { display: flex; justify-content: space-between; gap: 1rem; font-weight: 600; }
.status-error { border-color: var(--bad); }
.status-not-run { opacity: .75; }
details.code summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
pre { overflow-x: auto; font: 12.5px/1.45 ui-monospace, monospace; margin: .5rem 0; }
.line { display: block; white-space: pre; }
.ln { display: inline-block; width: 3.5em; color: var(--muted); user-select: none; }
.error-here { background: var(--bad-bg); }
.out-text { background: #f3f5f7; padding: .5rem; border-radius: 4px; white-space: pre-wrap; }
.out-table { overflow-x: auto; margin: .5rem 0; }
table { border-collapse: collapse; font-size: .85rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { padding: .2rem .6rem; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.out-plot { margin: .5rem 0; }
.out-plot figcaption { font-weight: 600; font-size: .9rem; }
.out-plot svg { max-width: 100%; height: auto; }
.out-error { background: var(--bad-bg); color: var(--bad); border-radius: 4px; padding: .5rem .75rem; margin: .5rem 0; }
.out-error .error-line { color: var(--fg); }
.stale { opacity: .45; }
`;

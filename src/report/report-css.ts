/** The report's only style sheet, inlined into the file (no external assets). */
export const REPORT_CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fff}
main{max-width:1100px;margin:0 auto;padding:1.5em 2em 4em}
h1{font-size:1.6em;margin:.2em 0}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}h3{margin-top:1.4em}
.synthetic-label{display:inline-block;background:#fff3cd;border:1px solid #e0b000;color:#6b4e00;padding:.2em .6em;border-radius:3px;font-weight:600}
.meta{color:#555}
.lead{font-size:1.08em;border-left:3px solid #3b7dd8;padding:.3em .8em;background:#f4f8fd}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
.table-wrap{overflow-x:auto;max-height:36em;overflow-y:auto;border:1px solid #eee}
table{border-collapse:collapse;font-size:13px}
th,td{border-bottom:1px solid #eee;padding:2px 8px;text-align:left;vertical-align:top}
th{background:#f6f6f6;position:sticky;top:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.kept td{background:#eef6ee}
dl.settings{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.settings dt{font-weight:600}dl.settings dd{margin:0}
figure{margin:1em 0}figure svg{max-width:100%;height:auto}
.note{color:#555;font-size:.92em}
ul.warnings li{color:#8a3b00}`;

/** The help text of `siteselect validate`, apart from the command so that `--help` loads nothing else. */
export const USAGE = `Usage: siteselect validate <bundle-dir | bundle.json> [--json] [--rejects N]
       siteselect validate --bundle DIR|FILE [--json] [--rejects N]

Loads the bundle and reports for each layer file how many rows were read, loaded and rejected,
with the first rejects (row, column, reason), then each layer's totals over its loaded rows of
every numeric column (population, households, attractiveness …), then the loaders' notes (at most
3 per file; --json has them all). Nothing is written.

Options:
  --bundle DIR|FILE  the bundle folder or its manifest (also accepted as the first argument)
  --json         print one JSON object: { "ok", "name", "layers": [ { "layer", "file", "read",
                 "loaded", "rejected", "rejects": [...], "notes": [...] } ], "totals": [ { "layer",
                 "rows", "columns": { "<column>": { "sum", "missing" } } } ] }
  --rejects N    how many rejects to show per file [10]

Exit status: 0 the bundle loads (rejected rows allowed), 2 a file or the manifest is unusable
(the one-sentence message says which and how to fix it).`;

/** `siteselect validate`'s options and help, apart from the command so that `--help` loads nothing else. */
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'validate',
  usage: ['<bundle-dir | bundle.json> [--json] [--rejects N]', '--bundle DIR|FILE [--json] [--rejects N]'],
  about: `
Loads the bundle and reports for each layer file how many rows were read, loaded and rejected,
with the first rejects (row, column, reason), then each layer's totals over its loaded rows of
every numeric column (population, households, attractiveness …), then the loaders' notes (at most
3 per file; --json has them all). Nothing is written.`,
  operand: 'bundle',
  options: {
    json: {
      kind: 'flag',
      help: `print one JSON object: { "ok", "name", "layers": [ { "layer", "file", "read", "loaded", "rejected", "rejects": [...],
        "notes": [...] } ], "totals": [ { "layer", "rows", "columns": { "<column>": { "sum", "missing" } } } ] }`,
    },
    rejects: { kind: 'whole', value: 'N', min: 0, default: 10, help: 'how many rejects to show per file' },
  },
  exit: `0 the bundle loads (rejected rows allowed), 2 a file or the manifest is unusable
(the one-sentence message says which and how to fix it).`,
});

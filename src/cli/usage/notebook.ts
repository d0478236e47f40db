/** `siteselect notebook`'s options and help, apart from the command so that `--help` loads nothing else. */
import { JSON_SUMMARY } from '../common-options.ts';
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'notebook',
  usage: ['FILE [--out report.html] [--json] [-- ARGS…]'],
  about: `
Runs a notebook (a TypeScript file with // %% cells) headless and writes a self-contained
HTML report (inline styles and images, no scripts, no external assets). Arguments after --
go to the notebook (it reads them with args(), option(), positional()).`,
  operand: 'notebook',
  passThrough: true,
  options: {
    out: { kind: 'text', value: 'FILE', help: 'where to write the report', shown: "FILE's name with .html, in the current folder" },
    json: JSON_SUMMARY,
  },
  exit: '0 all cells ran, 1 a cell failed, 2 bad usage or unusable input (e.g. a bundle folder without bundle.json).',
});

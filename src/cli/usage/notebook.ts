/** The help text of `siteselect notebook`, apart from the command so that `--help` loads nothing else. */
export const USAGE = `Usage: siteselect notebook FILE [--out report.html] [--json] [-- ARGS…]

Runs a notebook (a TypeScript file with // %% cells) headless and writes a self-contained
HTML report (inline styles and images, no scripts, no external assets).

Options:
  --out FILE   where to write the report [FILE's name with .html, in the current folder]
  --json       print a machine-readable summary on standard output
  -- ARGS…     arguments for the notebook (it reads them with args(), option(), positional())

Exit status: 0 all cells ran, 1 a cell failed, 2 bad usage or unusable input (e.g. a bundle
folder without bundle.json).`;

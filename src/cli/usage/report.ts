/** `siteselect report`'s options and help, apart from the command so that `--help` loads nothing else. */
import { JSON_SUMMARY, QUIET, SCENARIO, THREADS } from '../common-options.ts';
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'report',
  usage: ['--bundle DIR|FILE [--scenario FILE] [options]'],
  about: `
Runs the scenario's funnel (regions → districts → sites) on the bundle and writes one
self-contained HTML file: the scenario, a map and a ranked table per level, the kept sites
criterion by criterion, the best kept site's breakdown, warnings and the data attribution. The file
loads nothing from anywhere and holds no timestamp: the same inputs give the same bytes.`,
  operand: 'bundle',
  options: {
    scenario: SCENARIO,
    out: { kind: 'text', value: 'FILE', default: 'report.html', help: 'the HTML file to write' },
    top: { kind: 'whole', value: 'N', min: 1, default: 20, help: 'sites shown criterion by criterion' },
    rows: { kind: 'whole', value: 'N', min: 1, default: 1000, help: 'most rows per ranked table' },
    threads: THREADS,
    curve: {
      kind: 'text', value: 'M:A..B',
      help: 'add "How many outlets": the objective of model M (mclp, pmedian, pcenter, huff) for A..B new outlets with the knee, e.g. --curve pmedian:1..10 (own outlets kept)',
    },
    calibration: {
      kind: 'text', value: 'F',
      help: `add "Forecast": each kept site's forecast with its 95 % interval, what it takes from the own outlets and the net (F from siteselect calibrate --out)`,
    },
    json: JSON_SUMMARY,
    quiet: QUIET,
  },
});

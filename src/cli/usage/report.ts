/** The help text of `siteselect report`, apart from the command so that `--help` loads nothing else. */
export const USAGE = `Usage: siteselect report --bundle DIR|FILE [--scenario FILE] [options]

Runs the scenario's funnel (regions → districts → sites) on the bundle and writes one
self-contained HTML file: the scenario, a map and a ranked table per level, the kept sites
criterion by criterion, the best kept site's breakdown, warnings and the data attribution. The file
loads nothing from anywhere and holds no timestamp: the same inputs give the same bytes.

Options:
  --bundle DIR|FILE bundle folder (or its manifest, any name); also accepted as the first argument
  --scenario FILE   scenario JSON [scenario.json beside the manifest]
  --out FILE        the HTML file to write [report.html]
  --top N           sites shown criterion by criterion [20]
  --rows N          most rows per ranked table [1000]
  --threads N       kernel threads, this one included; 1 = no worker threads [all cores]
  --curve M:A..B    add "How many outlets": the objective of model M (mclp, pmedian, pcenter, huff)
                    for A..B new outlets with the knee, e.g. --curve pmedian:1..10 (own outlets kept)
  --calibration F   add "Forecast": each kept site's forecast with its 95 % interval, what it takes
                    from the own outlets and the net (F from siteselect calibrate --out)
  --json            print a machine-readable summary on standard output
  --quiet, -q       nothing on standard error except errors (no progress bar, no notes)

Exit status: 0 done, 1 failure, 2 bad usage or an unusable file.`;

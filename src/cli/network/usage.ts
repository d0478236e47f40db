/** The help texts of the `siteselect network` jobs (kept apart so --help loads no routing code). */
import { GRAPH_USAGE } from './graph-usage.ts';

export const MATRIX_USAGE = `Usage: siteselect network matrix --osm FILE --profile walk|bike|drive --from A.csv --to B.csv
         [--metric length|time] [--max VALUE] [--snap-limit METRES] --out FILE.csv [--json]

Shortest-path costs over the street network from each point of --from to each point of --to.
Points snap to the nearest street of the network's largest connected piece; the leg from the
point to the street is walked (4.8 km/h). Points farther than --snap-limit (default 500 m) from
every street are listed on standard error and have no rows.

${GRAPH_USAGE}
  --metric M        time in minutes (default) or length in metres
  --max VALUE       keep only pairs within this many minutes or metres (sparse output)
  --out FILE.csv    rows: from, to, time_min | length_m; pairs out of reach are absent
  --json            print a summary object on standard output`;

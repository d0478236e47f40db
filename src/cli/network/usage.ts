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

export const AREA_USAGE = `Usage: siteselect network area --bundle DIR (--site LON,LAT | --site-id ID) --profile walk|bike|drive
         [--metric time|length] [--thresholds 5,10,15] --out FILE.geojson [--json]

A site's trade areas over the bundle's street network ("roads" in its bundle.json): one polygon per
threshold (minutes, or metres with --metric length), drawn from the streets reached within it plus
up to 100 m on foot either side, with the demand (population), competitors and own outlets that
reach the site within it. --site-id names a candidate or an own outlet of the bundle.`;

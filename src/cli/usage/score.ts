/** The help text of `siteselect score`, apart from the command so that `--help` loads nothing else. */
import { DEFAULT_MEMORY_LIMIT } from '../../node/score/memory-limit.ts';

export const USAGE = `Usage: siteselect score --bundle DIR --scenario FILE --candidates FILE [options]
       siteselect score <bundle-dir | bundle.json> [options]

Scores candidate sites with the scenario's site criteria (no funnel cut: every site is scored) and
writes them ranked, best first, with each criterion's raw value and points, the region and district
each site lies in, and how it was placed (placed_by, geocode_confidence). Rows that cannot be placed
go to the rejects file with their row number and reason; so do sites outside every region of the
bundle (every district when it has no regions), which are not compared, as in the funnel and the
report; read = scored + rejected.

Every run takes the same path: the file is read block by block into DuckDB, each row placed (rejects
kept with their reasons) and the whole-file checks (lat/lon swaps, duplicate ids) made there; the
sites go through the distance kernel in chunks, and their raw values go into DuckDB, which
normalises, ranks, keeps and writes them. DuckDB's memory is bounded by --memory-limit; beyond it
DuckDB spills to a scratch folder in the temporary folder, removed at the end or when interrupted.

Options:
  --bundle DIR           the bundle folder (or its bundle.json); may also be given first, bare
  --scenario FILE        scenario JSON [<bundle>/scenario.json]
  --candidates FILE      sites to score (CSV/TSV/GeoJSON/Parquet/…: lon/lat, WKT, or an address column
                         geocoded against the bundle's gazetteer) [the bundle's candidates layer]
  --crs NAME             coordinate system of --candidates: wgs84, gcj02, bd09 or 3857 [wgs84];
                         converted to WGS84
  --id-column NAME       the id column of --candidates when it is not detected (id, site_id,
                         store_id, objectid, 编号 … are) [ids: <file name>:<row>]
  --address-column NAME  the address column of --candidates when it is not detected
  --min-confidence X     reject addresses geocoded with confidence below X (0–1) [0]
  --out FILE             ranked sites [scores.<format>]
  --format FMT           csv, geojson or parquet; overrides the --out extension [by extension, csv]
  --rejects FILE         rejected rows as CSV: file, row, column, reason, value [<out>.rejects.csv]
  --top-per GROUP:N      shortlist: the best N eligible sites per region or district, best first,
                         at least the scenario's minSpacing apart (e.g. --top-per region:5)
  --top N --per GROUP    the same, older spelling; --per also accepts all
  --kept                 only the sites the scenario keeps (its topK, spacing, constraints)
  --sensitivity          add p_top_k, rank_p05, rank_p95: Dirichlet perturbations of the weights
    --draws N            perturbations [200]
    --concentration C    Dirichlet concentration: larger = smaller perturbations [50]
    --seed S             random seed [1]
    --sensitivity-top K  the k of p_top_k [10]
  --calibration FILE     a calibration (siteselect calibrate --out): adds forecast, forecast_low,
                         forecast_high (95 %), cannibalised, net_forecast (in its observed unit) and
                         top_transfers ("own-outlet-id:amount; …", the 5 it takes most from); also
                         feeds a forecast_net criterion
  --threads N            kernel threads, this one included; 1 = no worker threads [all cores]
  --memory-limit SIZE    DuckDB's memory for the run, e.g. 512MB or 4GB [${DEFAULT_MEMORY_LIMIT}]
  --json                 print a machine-readable summary on standard output
                         (schemas/score-summary.schema.json)
  --quiet, -q            nothing on standard error except errors
  --help                 this text

Exit status: 0 done, 1 failure, 2 bad usage or an unusable file (also when no row can be placed).`;

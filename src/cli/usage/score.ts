/** `siteselect score`'s options and help, apart from the command so that `--help` loads nothing else. */
import { DEFAULT_MEMORY_LIMIT } from '../../node/score/memory-limit.ts';
import { CANDIDATES, CRS, ID_COLUMN, JSON_SUMMARY, QUIET, SCENARIO, THREADS } from '../common-options.ts';
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'score',
  usage: ['--bundle DIR [--scenario FILE] [--candidates FILE] [options]', '<bundle-dir | bundle.json> [options]'],
  about: `
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
DuckDB spills to a scratch folder in the temporary folder, removed at the end or when interrupted.`,
  operand: 'bundle',
  options: {
    scenario: SCENARIO,
    candidates: { ...CANDIDATES, help: "sites to score (CSV/TSV/GeoJSON/Parquet/…: lon/lat, WKT, or an address column geocoded against the bundle's gazetteer)", shown: "the bundle's candidates layer" },
    crs: CRS,
    'id-column': { ...ID_COLUMN, help: `${ID_COLUMN.help} (id, site_id, store_id, objectid, 编号 … are)`, shown: 'ids: <file name>:<row>' },
    'address-column': { kind: 'text', value: 'NAME', help: 'the address column of --candidates when it is not detected' },
    'min-confidence': { kind: 'number', value: 'X', min: 0, max: 1, default: 0, help: 'reject addresses geocoded with confidence below X (0–1)' },
    out: { kind: 'text', value: 'FILE', help: 'ranked sites', shown: 'scores.<format>' },
    format: { kind: 'choice', choices: ['csv', 'geojson', 'parquet'], help: 'overrides the --out extension', shown: 'by extension, csv' },
    rejects: { kind: 'text', value: 'FILE', help: 'rejected rows as CSV: file, row, column, reason, value', shown: '<out>.rejects.csv' },
    'top-per': { kind: 'text', value: 'GROUP:N', help: "shortlist: the best N eligible sites per region or district, best first, at least the scenario's minSpacing apart (e.g. --top-per region:5)" },
    top: { kind: 'whole', value: 'N', min: 1, help: 'the same as --top-per GROUP:N with --per GROUP, older spelling' },
    per: { kind: 'choice', choices: ['region', 'district', 'all'], default: 'region', help: 'the group of --top and of the ranks' },
    kept: { kind: 'flag', help: 'only the sites the scenario keeps (its topK, spacing, constraints)' },
    sensitivity: { kind: 'flag', help: 'add p_top_k, rank_p05, rank_p95: Dirichlet perturbations of the weights' },
    draws: { kind: 'whole', value: 'N', min: 1, max: 100_000, default: 200, with: 'sensitivity', help: 'perturbations' },
    concentration: { kind: 'number', value: 'C', above: 0, default: 50, with: 'sensitivity', help: 'Dirichlet concentration, larger = smaller perturbations' },
    seed: { kind: 'whole', value: 'S', min: 0, max: 2 ** 32 - 1, default: 1, with: 'sensitivity', help: 'random seed' },
    'sensitivity-top': { kind: 'whole', value: 'K', min: 1, default: 10, with: 'sensitivity', help: 'the k of p_top_k' },
    calibration: {
      kind: 'text', value: 'FILE',
      help: `a calibration (siteselect calibrate --out): adds forecast, forecast_low, forecast_high (95 %), cannibalised,
        net_forecast (in its observed unit) and top_transfers ("own-outlet-id:amount; …", the 5 it takes most from);
        also feeds a forecast_net criterion`,
    },
    threads: THREADS,
    'memory-limit': { kind: 'text', value: 'SIZE', help: "DuckDB's memory for the run, e.g. 512MB or 4GB", shown: DEFAULT_MEMORY_LIMIT },
    json: { ...JSON_SUMMARY, help: `${JSON_SUMMARY.help} (schemas/score-summary.schema.json)` },
    quiet: QUIET,
  },
  exit: '0 done, 1 failure, 2 bad usage or an unusable file (also when no row can be placed).',
});

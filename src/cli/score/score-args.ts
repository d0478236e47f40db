/** Command-line options of `siteselect score`, parsed and checked (bad values throw UsageError). */
import type { CrsName } from '../../data/bundle-manifest.ts';
import { UsageError } from '../../errors.ts';
import { parseBundleOptions, type OptionValues } from '../parse-options.ts';

import type { RankGroup } from '../../node/duckdb-score.ts';
import type { SensitivityOptions } from '../../node/score/score-run.ts';

export type ShortlistGroup = RankGroup;
export type OutFormat = 'csv' | 'geojson' | 'parquet';

export type SensitivityArgs = SensitivityOptions;

export interface ScoreArgs {
  bundle: string;
  /** Scenario file; default <bundle>/scenario.json. */
  scenario?: string;
  /** A candidate file to score instead of the bundle's candidates layer. */
  candidates?: string;
  addressColumn?: string;
  /** --id-column: the id column of --candidates when it is not detected. */
  idColumn?: string;
  out?: string;
  /** Output format; overrides the --out extension. */
  format?: OutFormat;
  rejects?: string;
  /** --top-per GROUP:N (or the older --top N --per GROUP). */
  top?: number;
  per: ShortlistGroup;
  keptOnly: boolean;
  /** The candidate file's coordinate system, converted to WGS84. */
  crs?: CrsName;
  minConfidence: number;
  json: boolean;
  quiet: boolean;
  /** Kernel threads (the calling thread included); 1 = no worker threads. */
  threads?: number;
  sensitivity?: SensitivityArgs;
  /** --memory-limit: DuckDB's memory for the run (e.g. 512MB); beyond it DuckDB spills to disk. */
  memoryLimit?: string;
  /** --calibration: a calibration file (siteselect calibrate --out) whose forecasts are added as columns. */
  calibration?: string;
}

const OPTIONS = {
  bundle: { type: 'string' }, scenario: { type: 'string' }, candidates: { type: 'string' }, 'address-column': { type: 'string' },
  'id-column': { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, rejects: { type: 'string' }, top: { type: 'string' },
  per: { type: 'string' }, 'top-per': { type: 'string' }, crs: { type: 'string' }, 'min-confidence': { type: 'string' }, threads: { type: 'string' },
  draws: { type: 'string' }, concentration: { type: 'string' }, seed: { type: 'string' }, 'sensitivity-top': { type: 'string' },
  'memory-limit': { type: 'string' }, calibration: { type: 'string' },
  json: { type: 'boolean', default: false }, kept: { type: 'boolean', default: false }, quiet: { type: 'boolean', short: 'q', default: false },
  sensitivity: { type: 'boolean', default: false },
} as const;
type ScoreValues = OptionValues<typeof OPTIONS>;

function wholeNumber(name: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} needs a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}, got '${v}'`);
  return n;
}

function topPer(v: string): { per: ShortlistGroup; top: number } {
  const m = /^(region|district):(\d+)$/.exec(v);
  const top = m ? Number(m[2]) : 0;
  if (!m || top < 1) throw new UsageError(`--top-per must be region:N or district:N with N ≥ 1, got '${v}'`);
  return { per: m[1] as ShortlistGroup, top };
}

function oneOf<T extends string>(name: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  const lower = v.toLowerCase();
  const hit = allowed.find((a) => a === lower);
  if (hit === undefined) throw new UsageError(`${name} must be ${allowed.join(', ')}; got '${v}'`);
  return hit;
}

/** EPSG:3857 may be named 3857, epsg3857 or EPSG:3857. */
export function inputCrs(v: string | undefined): CrsName | undefined {
  if (v === undefined) return undefined;
  const c = v.toLowerCase().replace(/^epsg:?/, '');
  const crs = c === '3857' ? 'epsg3857' : (['wgs84', 'gcj02', 'bd09'] as const).find((a) => a === c);
  if (crs === undefined) throw new UsageError(`--crs must be wgs84, gcj02, bd09 or 3857; got '${v}'`);
  return crs;
}

/** A size DuckDB takes as its memory_limit: a number and KB, MB, GB or TB. */
function memoryLimit(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT])i?B$/i.exec(v.trim());
  if (!m || !(Number(m[1]) > 0)) throw new UsageError(`--memory-limit needs a size such as 512MB or 2GB, got '${v}'`);
  return `${m[1]}${m[2].toUpperCase()}B`;
}

function sensitivityArgs(values: ScoreValues): SensitivityArgs {
  const concentration = values.concentration === undefined ? 50 : Number(values.concentration);
  if (!(concentration > 0 && concentration < Infinity)) throw new UsageError(`--concentration needs a number > 0 (e.g. 50), got '${values.concentration}'`);
  return {
    draws: wholeNumber('--draws', values.draws, 1, 100_000) ?? 200,
    concentration,
    seed: wholeNumber('--seed', values.seed, 0, 2 ** 32 - 1) ?? 1,
    topK: wholeNumber('--sensitivity-top', values['sensitivity-top'], 1) ?? 10,
  };
}

export function parseScoreArgs(args: string[]): ScoreArgs {
  const { bundle, values } = parseBundleOptions(args, OPTIONS, 'score');
  let top = wholeNumber('--top', values.top, 1);
  const perValue = values.per ?? 'region';
  if (perValue !== 'region' && perValue !== 'district' && perValue !== 'all') throw new UsageError(`--per must be region, district or all, got '${perValue}'`);
  let per: ShortlistGroup = perValue;
  if (values['top-per'] !== undefined) ({ per, top } = topPer(values['top-per']));
  const minConfidence = values['min-confidence'] === undefined ? 0 : Number(values['min-confidence']);
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError(`--min-confidence needs a number from 0 to 1, got '${values['min-confidence']}'`);
  const sensitivityOnly = (['draws', 'concentration', 'seed', 'sensitivity-top'] as const).find((o) => values[o] !== undefined);
  if (sensitivityOnly && !values.sensitivity) throw new UsageError(`--${sensitivityOnly} only applies with --sensitivity`);
  return {
    threads: wholeNumber('--threads', values.threads, 1, 64),
    bundle, scenario: values.scenario, candidates: values.candidates, addressColumn: values['address-column'], idColumn: values['id-column'],
    out: values.out, format: oneOf('--format', values.format, ['csv', 'geojson', 'parquet'] as const),
    rejects: values.rejects, top, per, keptOnly: values.kept,
    crs: inputCrs(values.crs),
    minConfidence, json: values.json, quiet: values.quiet,
    sensitivity: values.sensitivity ? sensitivityArgs(values) : undefined,
    memoryLimit: memoryLimit(values['memory-limit']),
    calibration: values.calibration,
  };
}

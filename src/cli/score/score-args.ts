/** Command-line options of `siteselect score`, parsed and checked (bad values throw UsageError). */
import { UsageError } from '../../data/errors.ts';

export type ShortlistGroup = 'region' | 'district' | 'all';

export interface ScoreArgs {
  bundle: string;
  /** Scenario file; default <bundle>/scenario.json. */
  scenario?: string;
  /** A candidate file to score instead of the bundle's candidates layer. */
  candidates?: string;
  addressColumn?: string;
  out?: string;
  rejects?: string;
  top?: number;
  per: ShortlistGroup;
  keptOnly: boolean;
  minConfidence: number;
  json: boolean;
  /** Kernel threads (the calling thread included); 1 = no worker threads. */
  threads?: number;
}

const VALUE_OPTIONS = ['--scenario', '--candidates', '--address-column', '--out', '--rejects', '--top', '--per', '--min-confidence', '--threads'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

export function parseScoreArgs(args: string[]): ScoreArgs {
  const values: Partial<Record<ValueOption, string>> = {};
  let bundle: string | undefined;
  let json = false;
  let keptOnly = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (name === '--json') json = true;
    else if (name === '--kept') keptOnly = true;
    else if (isValueOption(name)) {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value; see siteselect score --help`);
      values[name] = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}; see siteselect score --help`);
    else if (bundle === undefined) bundle = a;
    else throw new UsageError(`one bundle at a time (got ${bundle} and ${a})`);
  }
  if (bundle === undefined) throw new UsageError('name the bundle folder, e.g. siteselect score data/sample');
  let top: number | undefined;
  if (values['--top'] !== undefined) {
    top = Number(values['--top']);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top needs a whole number ≥ 1, got '${values['--top']}'`);
  }
  const per = values['--per'] ?? 'region';
  if (per !== 'region' && per !== 'district' && per !== 'all') throw new UsageError(`--per must be region, district or all, got '${per}'`);
  const minConfidence = values['--min-confidence'] === undefined ? 0 : Number(values['--min-confidence']);
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError(`--min-confidence needs a number from 0 to 1, got '${values['--min-confidence']}'`);
  let threads: number | undefined;
  if (values['--threads'] !== undefined) {
    threads = Number(values['--threads']);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError(`--threads needs a whole number from 1 to 64, got '${values['--threads']}'`);
  }
  return {
    threads,
    bundle, scenario: values['--scenario'], candidates: values['--candidates'], addressColumn: values['--address-column'],
    out: values['--out'], rejects: values['--rejects'], top, per, keptOnly, minConfidence, json,
  };
}

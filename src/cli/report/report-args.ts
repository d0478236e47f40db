/** Command-line options of `siteselect report`, parsed and checked (bad values throw UsageError). */
import { UsageError } from '../../data/errors.ts';

export interface ReportArgs {
  bundle: string;
  /** undefined: the bundle's scenario.json, as score does. */
  scenario?: string;
  out: string;
  topN: number;
  maxRows: number;
  threads?: number;
  json: boolean;
  quiet: boolean;
  /** `--curve pmedian:1..10`: the "How many outlets" section. */
  curve?: string;
  /** `--calibration FILE`: the "Forecast" section for the kept sites. */
  calibration?: string;
}

const VALUE_OPTIONS = ['--bundle', '--scenario', '--out', '--top', '--rows', '--threads', '--curve', '--calibration'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

function wholeNumber(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${name} needs a whole number ${max === Number.MAX_SAFE_INTEGER ? '≥ 1' : `from 1 to ${max}`}, got '${value}'`);
  return n;
}

export function parseReportArgs(args: string[]): ReportArgs {
  const values: Partial<Record<ValueOption, string>> = {};
  let json = false;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (name === '--json') json = true;
    else if (name === '--quiet' || name === '-q') quiet = true;
    else if (isValueOption(name)) {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++i];
      // '--out --json' meant two options, not a file named '--json'
      if (eq < 0 && v?.startsWith('--')) throw new UsageError(`${name} needs a value, but the next argument is the option ${v}`);
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value; see siteselect report --help`);
      values[name] = v;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}; see siteselect report --help`);
    else if (values['--bundle'] === undefined) values['--bundle'] = a;
    else throw new UsageError(`one bundle at a time (got ${values['--bundle']} and ${a})`);
  }
  const bundle = values['--bundle'];
  if (bundle === undefined) throw new UsageError('name the bundle folder with --bundle DIR, e.g. siteselect report --bundle data/sample');
  return {
    bundle, scenario: values['--scenario'], out: values['--out'] ?? 'report.html', json, quiet, curve: values['--curve'], calibration: values['--calibration'],
    topN: wholeNumber('--top', values['--top'], 20),
    maxRows: wholeNumber('--rows', values['--rows'], 1000),
    threads: values['--threads'] === undefined ? undefined : wholeNumber('--threads', values['--threads'], 1, 64),
  };
}

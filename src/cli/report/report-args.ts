/** Command-line options of `siteselect report`, parsed and checked (bad values throw UsageError). */
import { UsageError } from '../../errors.ts';
import type { HtmlReportRequest } from '../../node/html-report.ts';
import { parseBundleOptions } from '../parse-options.ts';

/** What to draw (the bundle, the scenario, the sections) and how to tell it. */
export interface ReportArgs extends HtmlReportRequest {
  json: boolean;
  quiet: boolean;
}

const OPTIONS = {
  bundle: { type: 'string' }, scenario: { type: 'string' }, out: { type: 'string' }, top: { type: 'string' }, rows: { type: 'string' },
  threads: { type: 'string' }, curve: { type: 'string' }, calibration: { type: 'string' },
  json: { type: 'boolean', default: false }, quiet: { type: 'boolean', short: 'q', default: false },
} as const;

function wholeNumber(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${name} needs a whole number ${max === Number.MAX_SAFE_INTEGER ? '≥ 1' : `from 1 to ${max}`}, got '${value}'`);
  return n;
}

export function parseReportArgs(args: string[]): ReportArgs {
  const { bundle, values } = parseBundleOptions(args, OPTIONS, 'report');
  return {
    bundle, scenario: values.scenario, out: values.out ?? 'report.html', json: values.json, quiet: values.quiet, curve: values.curve, calibration: values.calibration,
    topN: wholeNumber('--top', values.top, 20),
    maxRows: wholeNumber('--rows', values.rows, 1000),
    threads: values.threads === undefined ? undefined : wholeNumber('--threads', values.threads, 1, 64),
  };
}

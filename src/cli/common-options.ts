/** Options several commands take, declared once (a command may reword the help with a spread). */
import type { CrsName } from '../data/bundle-manifest.ts';
import { UsageError } from '../errors.ts';
import type { OptionSpec } from './help-text.ts';

export const BUNDLE = { kind: 'text', value: 'DIR|FILE', help: 'the bundle folder or its manifest (any name); may be given bare, first' } as const satisfies OptionSpec;
export const SCENARIO = { kind: 'text', value: 'FILE', help: 'scenario JSON', shown: 'scenario.json beside the manifest' } as const satisfies OptionSpec;
export const JSON_SUMMARY = { kind: 'flag', help: 'print a machine-readable summary on standard output' } as const satisfies OptionSpec;
export const QUIET = { kind: 'flag', short: 'q', help: 'nothing on standard error except errors (no progress bar, no notes)' } as const satisfies OptionSpec;
export const THREADS = { kind: 'whole', value: 'N', min: 1, max: 64, help: 'kernel threads, this one included; 1 = no worker threads', shown: 'all cores' } as const satisfies OptionSpec;
export const CANDIDATES = { kind: 'text', value: 'FILE', help: "sites to read instead of the bundle's candidates layer" } as const satisfies OptionSpec;
export const ID_COLUMN = { kind: 'text', value: 'NAME', help: 'the id column of --candidates when it is not detected' } as const satisfies OptionSpec;
export const CRS = { kind: 'text', value: 'NAME', help: 'coordinate system of --candidates, converted to WGS84: wgs84, gcj02, bd09 or 3857', shown: 'wgs84' } as const satisfies OptionSpec;

/** --crs: EPSG:3857 may be named 3857, epsg3857 or EPSG:3857. */
export function inputCrs(v: string | undefined): CrsName | undefined {
  if (v === undefined) return undefined;
  const c = v.toLowerCase().replace(/^epsg:?/, '');
  const crs = c === '3857' ? 'epsg3857' : (['wgs84', 'gcj02', 'bd09'] as const).find((a) => a === c);
  if (crs === undefined) throw new UsageError(`--crs must be wgs84, gcj02, bd09 or 3857; got '${v}'`);
  return crs;
}
export const SOLVER = {
  'time-limit': { kind: 'number', value: 'S', min: 0, help: 'wall-clock limit in seconds for HiGHS (on expiry the best solution found is reported with its gap)' },
  method: { kind: 'choice', choices: ['auto', 'exact', 'heuristic'], default: 'auto', help: 'auto: exact when the instance fits, else the heuristic with its proven gap' },
} as const satisfies Record<string, OptionSpec>;

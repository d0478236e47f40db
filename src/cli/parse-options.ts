/** A command's flags: strict, no positionals; node's own message plus where to read the usage. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../data/errors.ts';

type Strict<O> = { args: string[]; options: O; strict: true; allowPositionals: false };

export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  command: string,
): ReturnType<typeof parseArgs<Strict<O>>>['values'] {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(`${(err as Error).message}; see siteselect ${command} --help`);
  }
}

/**
 * parseOptions for a command that reads one bundle, named by --bundle (which `options` declares)
 * or bare as the first argument (`siteselect validate data/sample`).
 */
export function parseBundleOptions<O extends NonNullable<ParseArgsConfig['options']> & { bundle: { type: 'string' } }>(
  args: string[],
  options: O,
  command: string,
): { bundle: string; values: ReturnType<typeof parseArgs<Strict<O>>>['values'] } {
  const bare = args[0] !== undefined && !args[0].startsWith('-') ? args[0] : undefined;
  const values = parseOptions(bare === undefined ? args : args.slice(1), options, command);
  const given: unknown = (values as Record<string, unknown>).bundle;
  if (bare !== undefined && typeof given === 'string') throw new UsageError(`one bundle at a time (got ${bare} and ${given})`);
  const bundle = bare ?? (typeof given === 'string' ? given : '');
  if (bundle === '') throw new UsageError(`name the bundle folder, e.g. siteselect ${command} data/sample`);
  return { bundle, values };
}

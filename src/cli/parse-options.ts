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

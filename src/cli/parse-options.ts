/**
 * Every command's flags, one parser: node's parseArgs reads the tokens, the checks and the
 * messages are ours, the same for every command ("unknown option --x; see siteselect score --help").
 * A command may take one bare argument (the bundle folder, a data folder, a notebook) and, after
 * `--`, arguments it passes on untouched.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.ts';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type Strict<O> = { args: string[]; options: O; strict: true; allowPositionals: false };
export type OptionValues<O extends OptionsConfig> = ReturnType<typeof parseArgs<Strict<O>>>['values'];

export interface CommandLine<O extends OptionsConfig> {
  values: OptionValues<O>;
  /** The one bare argument, when the command takes one. */
  operand?: string;
  /** The arguments after `--`, when the command takes them. */
  passed: string[];
}

export interface CommandShape {
  /** What the bare argument names ('bundle', 'folder', 'notebook'); without it none is taken. */
  operand?: string;
  /** Whether arguments after `--` are passed on (else `--` is refused like any stray argument). */
  passThrough?: boolean;
}

export function parseCommandLine<O extends OptionsConfig>(args: string[], options: O, command: string, shape: CommandShape = {}): CommandLine<O> {
  const help = `see siteselect ${command} --help${shape.passThrough ? ` (arguments for the ${shape.operand ?? 'command'} go after --)` : ''}`;
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const canonical: string[] = [];
  const passed: string[] = [];
  let operand: string | undefined;
  let passing = false;
  for (const token of tokens) {
    if (passing) {
      if (token.kind === 'positional') passed.push(token.value);
    } else if (token.kind === 'option-terminator') {
      if (!shape.passThrough) throw new UsageError(`unexpected '--'; ${help}`);
      passing = true;
    } else if (token.kind === 'positional') {
      if (shape.operand === undefined) throw new UsageError(`unexpected argument '${token.value}'; ${help}`);
      if (operand !== undefined) throw new UsageError(`one ${shape.operand} at a time (got ${operand} and ${token.value}); ${help}`);
      operand = token.value;
    } else {
      const { name, rawName, value, inlineValue } = token;
      const type = Object.hasOwn(options, name) ? options[name].type : undefined;
      if (type === undefined) throw new UsageError(`unknown option ${rawName}; ${help}`);
      if (type === 'boolean') {
        if (value !== undefined) throw new UsageError(`${rawName} takes no value, got '${rawName}=${value}'; ${help}`);
        canonical.push(`--${name}`);
        continue;
      }
      // '--out --json' meant two options, not a file named '--json'
      if (!inlineValue && value?.startsWith('--')) throw new UsageError(`${rawName} needs a value, but the next argument is the option ${value}`);
      if (value === undefined || value === '') throw new UsageError(`${rawName} needs a value; ${help}`);
      canonical.push(`--${name}=${value}`);
    }
  }
  const values = parseArgs({ args: canonical, options, strict: true, allowPositionals: false }).values;
  return { values, passed, ...(operand !== undefined ? { operand } : {}) };
}

/** A command's flags alone: no bare argument. */
export function parseOptions<O extends OptionsConfig>(args: string[], options: O, command: string): OptionValues<O> {
  return parseCommandLine(args, options, command).values;
}

/**
 * parseOptions for a command that reads one bundle, named by --bundle (which `options` declares)
 * or bare (`siteselect validate data/sample`).
 */
export function parseBundleOptions<O extends OptionsConfig & { bundle: { type: 'string' } }>(
  args: string[],
  options: O,
  command: string,
): { bundle: string; values: OptionValues<O> } {
  const { values, operand } = parseCommandLine(args, options, command, { operand: 'bundle' });
  const flag: unknown = (values as Record<string, unknown>).bundle;
  const given = typeof flag === 'string' ? flag : undefined;
  if (operand !== undefined && given !== undefined && operand !== given) throw new UsageError(`one bundle at a time (got ${given} and ${operand}); see siteselect ${command} --help`);
  const bundle = operand ?? given;
  if (bundle === undefined) throw new UsageError(`name the bundle folder with --bundle DIR, e.g. siteselect ${command} --bundle data/sample`);
  return { bundle, values };
}

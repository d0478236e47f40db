/**
 * Every command's flags, one parser, driven by the command's declaration (help-text.ts): node's
 * parseArgs reads the tokens; the checks, the values' kinds and the messages are ours, the same
 * for every command ("unknown option --x; see siteselect score --help"). A command may take one
 * bare argument (the bundle folder, a data folder, a notebook) and, after `--`, arguments it
 * passes on untouched.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { flagText, optionsOf, type CommandSpec, type OptionSpec, type Options } from './help-text.ts';

type Given<S extends OptionSpec> = S extends { kind: 'flag' }
  ? boolean
  : S extends { kind: 'list' }
    ? string[]
    : S extends { kind: 'choice'; choices: readonly (infer C)[] }
      ? C
      : S extends { kind: 'whole' | 'number' }
        ? number
        : string;
type ValueOf<S extends OptionSpec> = Given<S> | (S extends { kind: 'flag' } | { default: unknown } | { required: true } ? never : undefined);
export type OptionValues<O extends Options> = { -readonly [K in keyof O]: ValueOf<O[K]> };

/** A command line as its declaration reads it: the options' values, the bare argument, the arguments after `--`. */
export type CommandLine<S extends CommandSpec> = {
  values: OptionValues<S['options']>;
  passed: string[];
} & (S extends { operand: 'bundle' } ? { bundle: string } : { operand?: string });

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The declared option nearest to a mistyped one, when it is near enough to be what was meant. */
function nearest(name: string, options: Options): string | undefined {
  const [best] = Object.keys(options)
    .map((o) => ({ o, d: distance(name, o) }))
    .sort((x, y) => x.d - y.d);
  return best !== undefined && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.o : undefined;
}

function range(o: { min?: number; above?: number; max?: number }): string {
  if (o.min !== undefined && o.max !== undefined) return ` from ${o.min} to ${o.max}`;
  return o.above !== undefined ? ` > ${o.above}` : o.min !== undefined ? ` ≥ ${o.min}` : '';
}

/** A value as its declaration reads it; a bad one is a UsageError naming the flag. */
function valueOf(flag: string, o: OptionSpec, raw: string): unknown {
  if (o.kind === 'list') return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (o.kind === 'choice') {
    const hit = o.choices.find((c) => c === raw.toLowerCase());
    if (hit === undefined) throw new UsageError(`${flag} must be one of ${o.choices.join(', ')}, got '${raw}'`);
    return hit;
  }
  if (o.kind === 'whole' || o.kind === 'number') {
    const x = raw.trim() === '' ? NaN : Number(raw);
    const fits = Number.isFinite(x) && (o.kind === 'number' || Number.isInteger(x)) && !(x < (o.min ?? -Infinity)) && !(x <= (o.above ?? -Infinity)) && !(x > (o.max ?? Infinity));
    if (!fits) throw new UsageError(`${flag} needs ${o.kind === 'whole' ? 'a whole number' : 'a number'}${range(o)}, got '${raw}'`);
    return x;
  }
  return raw;
}

/**
 * A bundle command (operand 'bundle') takes its bundle by --bundle (which it declares) or bare
 * (`siteselect validate data/sample`), one of them.
 */
export function parseCommandLine<S extends CommandSpec>(args: string[], spec: S): CommandLine<S> {
  const options = optionsOf(spec);
  const what = spec.operand;
  const help = `see siteselect ${spec.name} --help${spec.passThrough ? ` (arguments for the ${what ?? 'command'} go after --)` : ''}`;
  const config = Object.fromEntries(Object.entries(options).map(([n, o]) => [n, { type: o.kind === 'flag' ? ('boolean' as const) : ('string' as const), ...(o.kind === 'flag' && o.short ? { short: o.short } : {}) }]));
  const { tokens } = parseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, unknown> = {};
  for (const [n, o] of Object.entries(options)) values[n] = o.kind === 'flag' ? false : 'default' in o ? o.default : undefined;
  const passed: string[] = [];
  const given = new Set<string>();
  let operand: string | undefined;
  let passing = false;
  for (const token of tokens) {
    if (passing) {
      if (token.kind === 'positional') passed.push(token.value);
    } else if (token.kind === 'option-terminator') {
      if (!spec.passThrough) throw new UsageError(`unexpected '--'; ${help}`);
      passing = true;
    } else if (token.kind === 'positional') {
      if (what === undefined) throw new UsageError(`unexpected argument '${token.value}'; ${help}`);
      if (operand !== undefined) throw new UsageError(`one ${what} at a time (got ${operand} and ${token.value}); ${help}`);
      operand = token.value;
      if (what === 'bundle') given.add('bundle');
    } else {
      const { name, rawName, value, inlineValue } = token;
      const o = Object.hasOwn(options, name) ? options[name] : undefined;
      if (o === undefined) {
        const near = rawName.startsWith('--') ? nearest(name, options) : undefined;
        throw new UsageError(`unknown option ${rawName}${near ? ` (did you mean --${near}?)` : ''}; ${help}`);
      }
      given.add(name);
      if (o.kind === 'flag') {
        if (value !== undefined) throw new UsageError(`${rawName} takes no value, got '${rawName}=${value}'; ${help}`);
        values[name] = true;
        continue;
      }
      // '--out --json' meant two options, not a file named '--json'
      if (!inlineValue && value?.startsWith('--')) throw new UsageError(`${rawName} needs a value, but the next argument is the option ${value}`);
      if (value === undefined || value === '') throw new UsageError(`${rawName} needs a value; ${help}`);
      values[name] = valueOf(rawName, o, value);
    }
  }
  for (const [n, o] of Object.entries(options)) {
    if (o.required && !given.has(n)) throw new UsageError(`${flagText(n, o)} is required (${o.help}); ${help}`);
    if (o.with !== undefined && given.has(n) && !given.has(o.with)) throw new UsageError(`--${n} only applies with --${o.with}`);
  }
  if (what !== 'bundle') return { values, passed, ...(operand !== undefined ? { operand } : {}) } as CommandLine<S>;
  const flag = values.bundle as string | undefined;
  if (operand !== undefined && flag !== undefined && operand !== flag) throw new UsageError(`one bundle at a time (got ${flag} and ${operand}); ${help}`);
  const bundle = operand ?? flag;
  if (bundle === undefined) throw new UsageError(`name the bundle folder with --bundle DIR, e.g. siteselect ${spec.name} --bundle data/sample`);
  return { values, passed, bundle } as CommandLine<S>;
}

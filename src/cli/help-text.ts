/**
 * A command declares its options once (name, value kind, default, what it does); parse-options.ts
 * parses by that declaration and helpText() writes the help from it, so the help lists exactly the
 * flags the command takes. Imports only the shared declarations, so `<command> --help` loads no
 * command code.
 */
import { BUNDLE } from './common-options.ts';

export type OptionSpec = (
  | { kind: 'flag'; short?: string }
  | { kind: 'text'; value: string; default?: string }
  /** Comma-separated, blanks dropped: 'a, b,,c' → ['a', 'b', 'c']. */
  | { kind: 'list'; value: string }
  | { kind: 'choice'; choices: readonly string[]; default?: string }
  /** `min` ≤ x, `above` < x, x ≤ `max`. */
  | { kind: 'whole' | 'number'; value: string; min?: number; above?: number; max?: number; default?: number }
) & {
  /** What it does, in a sentence or two; reflowed to the help's width. */
  help: string;
  /** The command refuses to run without it. */
  required?: true;
  /** It only applies with that other option, and is refused without it. */
  with?: string;
  /** The default in words when it is not a value the parser fills in ('all cores'). */
  shown?: string;
  /** Starts a group of options under this heading (the first group is 'Options:'). */
  heading?: string;
};

export type Options = Record<string, OptionSpec>;

export interface CommandSpec {
  /** 'score', or 'network matrix' for a job of a command. */
  name: string;
  /** The synopsis lines, each after `siteselect <name> `. */
  usage: readonly string[];
  /** What the command does, as written (line breaks kept). */
  about: string;
  options: Options;
  /** What a bare argument names ('folder', 'notebook'); without it none is taken. 'bundle': the bundle, by --bundle (declared for it) or bare, required. */
  operand?: string;
  /** Arguments after `--` are passed on (else `--` is refused like any stray argument). */
  passThrough?: boolean;
  /** Text after the options, as written. */
  after?: string;
  /** What the exit statuses mean [0 done, 1 failure, 2 bad usage or unusable input]. */
  exit?: string;
  /** Jobs (`siteselect network matrix`), each with its own help after this one's. */
  jobs?: readonly CommandSpec[];
}

/** The options a command takes: those it declares, and --bundle for a bundle command. */
export function optionsOf(spec: CommandSpec): Options {
  return spec.operand === 'bundle' ? { bundle: BUNDLE, ...spec.options } : spec.options;
}

/** Keeps the declaration's literal types, so the parsed values are typed by it. */
export function defineCommand<const S extends CommandSpec>(spec: S): S {
  return spec;
}

const WIDTH = 100;
/** The widest flag column; a longer flag stands on a line of its own. */
const FLAG_COLUMN = 22;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

export function flagText(name: string, o: OptionSpec): string {
  if (o.kind === 'flag') return `--${name}${o.short ? `, -${o.short}` : ''}`;
  return `--${name} ${o.kind === 'choice' ? o.choices.join('|') : o.value}`;
}

function optionLines(name: string, o: OptionSpec, column: number): string[] {
  const flag = flagText(name, o);
  const fallback = o.shown ?? ('default' in o && o.default !== undefined ? String(o.default) : undefined);
  const help = `${o.with ? `with --${o.with}: ` : ''}${o.help}${o.required ? ' (required)' : ''}${fallback === undefined ? '' : ` [${fallback}]`}`;
  const indent = ' '.repeat(column + 4);
  const lines = wrap(help, WIDTH - indent.length).map((l) => indent + l);
  return flag.length > column ? [`  ${flag}`, ...lines] : [`  ${flag.padEnd(column)}  ${lines[0].trimStart()}`, ...lines.slice(1)];
}

/** The options' part of a help text: each flag with its value, what it does and its default. */
function optionsText(options: Options): string[] {
  const lines: string[] = [];
  const column = Math.min(FLAG_COLUMN, Math.max('--help, -h'.length, ...Object.entries(options).map(([name, o]) => flagText(name, o).length)));
  // --help ends the group headed 'Options:'
  const help = optionLines('help', { kind: 'flag', short: 'h', help: 'this text' }, column);
  let group = '';
  for (const [i, [name, o]] of Object.entries(options).entries()) {
    if (i === 0 || o.heading !== undefined) {
      if (group === 'Options:') lines.push(...help.splice(0));
      group = o.heading ?? 'Options:';
      lines.push(...(i > 0 ? [''] : []), group);
    }
    lines.push(...optionLines(name, o, column));
  }
  return [...lines, ...(lines.length === 0 ? ['Options:'] : []), ...help];
}

export function helpText(spec: CommandSpec): string {
  return [
    ...spec.usage.map((u, i) => `${i === 0 ? 'Usage:' : '      '} siteselect ${spec.name} ${u}`),
    '',
    spec.about.trim(),
    '',
    ...optionsText(optionsOf(spec)),
    ...(spec.after !== undefined ? ['', spec.after.trim()] : []),
    '',
    ...wrap(`Exit status: ${spec.exit ?? '0 done, 1 failure, 2 bad usage or unusable input.'}`, WIDTH),
    ...(spec.jobs ?? []).flatMap((job) => ['', helpText(job)]),
  ].join('\n');
}

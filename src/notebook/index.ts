/**
 * What a notebook imports from the runtime (beside the library's public API in src/index.ts).
 * These work the same live in the page and headless in Node; the host supplies the differences.
 *
 *     import { display, md, plot, loadBundle, args } from '../src/notebook/index.ts';
 */
import type { LoadedBundle } from '../data/layer.ts';
import { BundleError } from '../errors.ts';
import type { Database } from '../db/database.ts';
import { currentHost, emit, runDatabase } from './context.ts';
import { formatValue } from './format.ts';
import { Markdown, toOutput, type DisplayOptions } from './outputs.ts';

export type { DisplayOptions } from './outputs.ts';
export { formatNumber } from '../format/number.ts';
export { plot } from './plot.ts';

/**
 * Shows a value under the running cell: strings as text, arrays of objects / scored levels /
 * records of numbers as tables, Plot charts and maps as images. Explicit (no "last expression"
 * magic), so the file means the same to the type checker, the linter and the runtime.
 */
export function display(value: unknown, options?: DisplayOptions): void {
  emit(toOutput(value, options));
}

/** Markdown with live numbers, to display: display(md`**${n}** residents`) (numbers formatted as in tables). */
export function md(strings: TemplateStringsArray, ...values: unknown[]): Markdown {
  let text = strings[0];
  values.forEach((v, i) => {
    text += formatValue(v) + strings[i + 1];
  });
  return new Markdown(text);
}

/** The notebook's arguments: after `--` on the command line, or `?args=` in the preview's address. */
export function args(): readonly string[] {
  return currentHost().args;
}

/** The value of `--name value` or `--name=value` among the arguments. */
export function option(name: string): string | undefined {
  const list = args();
  for (let i = 0; i < list.length; i++) {
    if (list[i] === `--${name}`) return list[i + 1];
    if (list[i].startsWith(`--${name}=`)) return list[i].slice(name.length + 3);
  }
  return undefined;
}

/** The arguments that are not `--name value` options. */
export function positional(): string[] {
  const list = args();
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    if (list[i].startsWith('--')) {
      if (!list[i].includes('=')) i++;
    } else out.push(list[i]);
  }
  return out;
}

/**
 * A bundle folder (with its bundle.json, or a manifest kept elsewhere), relative to where the
 * notebook was started. Node reads the file system; the preview page reads through its server.
 */
export function loadBundle(path: string, options?: { manifest?: string }): Promise<LoadedBundle> {
  return currentHost().loadBundle(path, options);
}

/**
 * The run's DuckDB (native in Node, else DuckDB-WASM; DuckDB-WASM in the page), opened on first use
 * and closed when the notebook ends: `runFunnel(bundle, scenario, { database: await database() })`.
 */
export function database(): Promise<Database> {
  return runDatabase();
}

/** A text file (UTF-8) by path, relative to where the notebook was started. */
export async function readText(path: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await currentHost().readFile(path));
}

/** A JSON file by path (e.g. a scenario to pass to parseScenario). */
export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new BundleError(path, `${path} is not valid JSON (${err instanceof Error ? err.message : String(err)}); fix the syntax`);
  }
}

export { map, levelValues, type MapOptions, type MapPoints } from './map.ts';

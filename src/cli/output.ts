/** What several commands print alike: a summary as JSON or as text, notes, a bundle's name. */
import type { LoadedBundle } from '../data/layer.ts';
import type { CliIO } from './command.ts';

/** The summary as one JSON object (--json), else the text lines. */
export function printSummary(io: CliIO, json: boolean, summary: unknown, text: () => string[]): void {
  io.stdout(json ? JSON.stringify(summary, null, 2) + '\n' : text().join('\n') + '\n');
}

export function printNotes(io: CliIO, command: string, notes: readonly string[]): void {
  for (const n of notes) io.stderr(`siteselect ${command}: note: ${n}\n`);
}

/** "wrote 12 sites to out.csv" */
export function wrote(what: string, file: string): string {
  return `wrote ${what} to ${file}`;
}

/** The bundle's name, marked synthetic when it is and its name does not say so. */
export function bundleLabel(bundle: Pick<LoadedBundle, 'name' | 'synthetic'>): string {
  return bundle.synthetic && !/synthetic/i.test(bundle.name) ? `${bundle.name} (synthetic)` : bundle.name;
}

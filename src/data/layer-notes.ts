/**
 * The loaders' non-fatal notes (swallowed multi-line rows, columns kept as numbers with a few bad
 * cells, encodings, CRS conversions …) as short lines for a terminal: `<file>: <note>`, at most a
 * few per file, the rest counted. `validate --json` carries every note.
 */
import type { LayerReport } from './layer.ts';

/** Notes shown per file before the rest are counted. */
export const NOTES_PER_FILE = 3;

export function layerNoteLines(reports: readonly Pick<LayerReport, 'file' | 'notes'>[], perFile = NOTES_PER_FILE): string[] {
  return reports.flatMap((r) => {
    const shown = r.notes.slice(0, perFile).map((n) => `${r.file}: ${n}`);
    const more = r.notes.length - shown.length;
    return more > 0 ? [...shown, `${r.file}: … and ${more} more note(s) (siteselect validate --json lists them all)`] : shown;
  });
}

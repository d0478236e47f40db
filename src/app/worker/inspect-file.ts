/**
 * Reading a picked file in the worker: refuse what will not fit, read with progress, and list its
 * columns and a few values so the page can offer the column mapping.
 */
import { BundleError, readTable, type LayerName } from '../engine-api.ts';
import type { FileInspection } from './messages.ts';
import { formatNumber } from '../../format/number.ts';

/** Files above this are refused: parsing needs several times the file size in memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export function refuseIfTooLarge(file: Pick<File, 'name' | 'size'>): void {
  if (file.size > MAX_FILE_BYTES) {
    const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;
    throw new BundleError(
      file.name,
      `${file.name} is ${formatNumber(file.size, { lang: 'en' })} bytes, more than the ${mb(MAX_FILE_BYTES)} the workbench can hold in the browser; split it or score it with the command line (siteselect score).`,
    );
  }
}

export async function readWithProgress(file: File, progress: (stage: string, fraction: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, offset);
    offset += value.length;
    progress('read', file.size > 0 ? offset / file.size : 1);
  }
  return out;
}

export async function inspectFile(name: string, bytes: Uint8Array, layer: LayerName): Promise<FileInspection> {
  const table = await readTable(name, bytes, { layer });
  const sample: Record<string, string[]> = {};
  for (const column of table.columns) {
    sample[column] = table.values[column].slice(0, 3).map((v) => (v === null ? '' : String(v)));
  }
  return { file: name, columns: table.columns, sample, rows: table.rowCount, notes: table.notes, hasGeometry: table.geometry !== undefined };
}

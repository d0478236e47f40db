/** The rejects file of `siteselect score`: one row per input row that was not scored. Node only. */
import type { LayerReport, Reject } from '../../data/layer.ts';
import type { OutColumn } from './site-table.ts';
import { writeTable } from './write-table.ts';

/** The rejects file's columns over `rejects` (file names the candidate file as the user gave it). */
export function rejectColumns(file: string, rejects: readonly Reject[]): OutColumn[] {
  return [
    { name: 'file', cell: () => file },
    { name: 'row', cell: (i) => rejects[i].row },
    { name: 'column', cell: (i) => rejects[i].column },
    { name: 'reason', cell: (i) => rejects[i].reason },
    { name: 'value', cell: (i) => rejects[i].value ?? '' },
  ];
}

/** Rejects are always CSV, whatever extension --rejects was given. */
export function rejectsPath(file: string): string {
  return file.replace(/\.((geo)?json|parquet)$/i, '.csv');
}

export async function writeRejects(file: string, report: LayerReport): Promise<void> {
  const r = report.rejects;
  await writeTable(rejectsPath(file), rejectColumns(report.file, r), r.map((_, i) => i));
}

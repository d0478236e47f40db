/** The rejects file of `siteselect score`: one row per input row that was not scored. Node only. */
import type { LayerReport } from '../../data/layer.ts';
import { csvRow } from '../../io/csv-write.ts';
import { BlockWriter } from './block-writer.ts';

/** Rejects are always CSV, whatever extension --rejects was given. */
export function rejectsPath(file: string): string {
  return file.replace(/\.((geo)?json|parquet)$/i, '.csv');
}

/** file, row, column, reason, value: `file` names the candidate file as the user gave it. */
export async function writeRejects(file: string, report: LayerReport): Promise<void> {
  const out = await BlockWriter.open(rejectsPath(file));
  try {
    await out.write(csvRow(['file', 'row', 'column', 'reason', 'value']));
    for (const r of report.rejects) await out.write(csvRow([report.file, r.row, r.column, r.reason, r.value ?? '']));
  } catch (err) {
    await out.abandon();
    throw err;
  }
  await out.close();
}

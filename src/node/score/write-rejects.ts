/** The rejects file of `siteselect score`: one row per input row that was not scored. Node only. */
import type { Reject } from '../../data/layer.ts';
import { csvRow } from '../../io/csv-write.ts';
import { BlockWriter } from './block-writer.ts';

/** Rejects are always CSV, whatever extension --rejects was given. */
export function rejectsPath(file: string): string {
  return file.replace(/\.((geo)?json|parquet)$/i, '.csv');
}

/** file, row, column, reason, value: `source` names the candidate file as the user gave it. */
export async function writeRejects(file: string, source: string, rejects: AsyncIterable<Reject[]>): Promise<void> {
  const out = await BlockWriter.open(rejectsPath(file));
  try {
    await out.write(csvRow(['file', 'row', 'column', 'reason', 'value']));
    for await (const chunk of rejects) {
      let block = '';
      for (const r of chunk) block += csvRow([source, r.row, r.column, r.reason, r.value ?? '']);
      await out.write(block);
    }
  } catch (err) {
    await out.abandon();
    throw err;
  }
  await out.close();
}

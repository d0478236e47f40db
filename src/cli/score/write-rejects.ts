/** The rejects file of `siteselect score`: one row per input row that was not scored. Node only. */
import type { LayerReport } from '../../data/layer.ts';
import type { OutColumn } from './site-table.ts';
import { writeTable } from './write-table.ts';

export async function writeRejects(file: string, report: LayerReport): Promise<void> {
  const r = report.rejects;
  const columns: OutColumn[] = [
    { name: 'file', cell: () => report.file },
    { name: 'row', cell: (i) => r[i].row },
    { name: 'column', cell: (i) => r[i].column },
    { name: 'reason', cell: (i) => r[i].reason },
    { name: 'value', cell: (i) => r[i].value ?? '' },
  ];
  await writeTable(file.replace(/\.((geo)?json|parquet)$/i, '.csv'), columns, r.map((_, i) => i));
}

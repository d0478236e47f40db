/**
 * The benchmark's CSV in and out (../shared/bench/KERNEL.md): numeric columns straight from bytes,
 * results with shortest round-trip floats (kernel-csv.ts), from and to files. Bench-only: the
 * engine's loaders handle real bundles.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseNumericCsv, resultsCsvText, type KernelResults } from './kernel-csv.ts';

export type { KernelResults } from './kernel-csv.ts';

/** The named numeric columns of a CSV file with a header row. */
export function readNumericCsv(file: string, columns: string[]): Record<string, Float64Array> {
  return parseNumericCsv(readFileSync(file), file, columns);
}

/** Results CSV of KERNEL.md, rows sorted by id. */
export function writeResultsCsv(file: string, r: KernelResults): void {
  writeFileSync(file, resultsCsvText(r));
}

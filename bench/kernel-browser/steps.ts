/** What the benchmark page asks its worker, and what the worker answers (seconds timed in the worker). */
export type BenchStep =
  | { step: 'load'; dataUrl: string }
  | { step: 'compute'; kernel: 'single' | 'pool'; threads: number }
  | { step: 'write' }
  /** Ends the pool's workers (after the driver has read their CPU time). */
  | { step: 'close' };

export interface BenchReply {
  seconds: number;
  error?: string;
  /** write: the results CSV text. */
  csv?: string;
  /** compute: what ran (kernel, threads, SIMD). */
  info?: string;
}

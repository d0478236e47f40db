/** A one-line progress bar on standard error, drawn only when it is a terminal. */
import type { CliIO } from './command.ts';

export function progressBar(io: CliIO, width = 24): (label: string, fraction: number) => void {
  if (!io.stderrIsTTY) return () => {};
  let last = '';
  return (label, fraction) => {
    const f = Math.min(1, Math.max(0, fraction));
    const filled = Math.round(f * width);
    const line = `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(f * 100)).padStart(3)}% ${label}`.slice(0, 79).padEnd(79);
    if (line === last) return;
    last = line;
    io.stderr(line + (f >= 1 ? '\n' : ''));
  };
}

/** A solver's stages on standard error (`stage NN %`), on a terminal and without --json only; done() ends the line. */
export function stageProgress(io: CliIO, json: boolean): { onProgress?: (p: { stage: string; fraction: number }) => void; done: () => void } {
  if (!io.stderrIsTTY || json) return { done: () => {} };
  return { onProgress: (p) => io.stderr(`\r${p.stage} ${(100 * p.fraction).toFixed(0)} %   `), done: () => io.stderr('\n') };
}

/**
 * `siteselect network matrix`: network costs from every point of one file to every point of
 * another, within --max, as long-format CSV (from, to, value) — the form `optimize --costs` reads.
 */
import { writeNetworkMatrix } from '../../node/network-matrix-file.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { printSummary, wrote } from '../output.ts';
import type { MATRIX } from './usage.ts';

export const command: Command<typeof MATRIX> = {
  async run({ values: v }, io) {
    const { osm, profile, from, to, out, metric, max } = v;
    const request = { osm, profile, cacheDir: v['cache-dir'], cache: !v['no-cache'], from, to, out, metric, max, snapLimit: v['snap-limit'] };
    const started = performance.now();
    const progress = io.stderrIsTTY && !v.json ? (done: number, total: number) => io.stderr(`\rrouting ${done} / ${total}   `) : undefined;
    const written = await writeNetworkMatrix(request, { cwd: io.cwd, note: io.stderr, progress });
    const summary = { ...written, seconds: Number(((performance.now() - started) / 1000).toFixed(3)) };
    printSummary(io, v.json, summary, () => [`${wrote(`${summary.pairs} pairs within ${max ?? 'any'} ${metric === 'time' ? 'min' : 'm'}`, out)} (${summary.seconds} s)`]);
    return EXIT_OK;
  },
};

/**
 * `siteselect huff --bundle DIR [--sites ID,…] [--out FILE]`: the Huff model outlet by outlet for
 * each candidate as CSV (src/node/huff-detail-file.ts), and a line per candidate of what it takes.
 */
import path from 'node:path';
import { roundHuff as round, writeHuffDetail } from '../../node/huff-detail-file.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { parseBundleOptions } from '../parse-options.ts';
import { inputCrs } from '../score/score-args.ts';
import { USAGE } from '../usage/huff.ts';

export const command: Command = {
  usage: USAGE,
  async run(argv, io) {
    const { bundle: bundleArg, values: v } = parseBundleOptions(argv, {
      bundle: { type: 'string' }, scenario: { type: 'string' }, candidates: { type: 'string' }, 'id-column': { type: 'string' },
      crs: { type: 'string' }, sites: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean', short: 'q' },
    }, 'huff');
    const inputs = { bundle: bundleArg, scenario: v.scenario, candidates: v.candidates, idColumn: v['id-column'], crs: inputCrs(v.crs), minConfidence: 0 };
    const out = path.resolve(io.cwd, v.out ?? 'huff.csv');
    const wanted = v.sites?.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const { rows, sites } = await writeHuffDetail(inputs, out, io.cwd, wanted);
    if (!v.quiet) {
      const lines = [`wrote ${rows.length} rows for ${sites.ids.length} candidate(s) to ${out}`];
      for (const id of sites.ids.slice(0, 5)) {
        const mine = rows.filter((r) => r.candidate === id);
        const loss = (kind: string) => -mine.filter((r) => r.kind === kind).reduce((s, r) => s + r.captureAfter - r.captureBefore, 0);
        lines.push(`  ${id}: captures ${round(mine[0].captureAfter)}, of which ${round(loss('own'))} from own outlets and ${round(loss('competitor'))} from competitors (${mine.length - 1} outlets)`);
      }
      io.stdout(lines.join('\n') + '\n');
    }
    return EXIT_OK;
  },
};

/**
 * `siteselect huff --bundle DIR [--sites ID,…] [--out FILE]`: the Huff model outlet by outlet for
 * each candidate as CSV (src/node/huff-detail-file.ts), and a line per candidate of what it takes.
 */
import path from 'node:path';
import { candidateTakes, roundHuff as round, writeHuffDetail } from '../../node/huff-detail-file.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { inputCrs } from '../common-options.ts';
import { wrote } from '../output.ts';
import type { SPEC } from '../usage/huff.ts';

export const command: Command<typeof SPEC> = {
  async run({ bundle, values: v }, io) {
    const inputs = { bundle, scenario: v.scenario, candidates: v.candidates, idColumn: v['id-column'], crs: inputCrs(v.crs), minConfidence: 0 };
    const out = path.resolve(io.cwd, v.out);
    const { rows, sites } = await writeHuffDetail(inputs, out, io.cwd, v.sites);
    if (v.quiet) return EXIT_OK;
    const lines = [wrote(`${rows.length} rows for ${sites.ids.length} candidate(s)`, out)];
    for (const id of sites.ids.slice(0, 5)) {
      const t = candidateTakes(rows, id);
      lines.push(`  ${id}: captures ${round(t.capture)}, of which ${round(t.fromOwn)} from own outlets and ${round(t.fromCompetitors)} from competitors (${t.outlets} outlets)`);
    }
    io.stdout(lines.join('\n') + '\n');
    return EXIT_OK;
  },
};

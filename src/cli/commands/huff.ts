/**
 * `siteselect huff --bundle DIR [--sites ID,…] [--out FILE]`: the Huff model outlet by outlet for
 * each candidate (src/criteria/huff-detail.ts) as CSV — what opening the site does to every own
 * outlet and competitor around it, so a hand-worked case can be checked pair by pair.
 */
import path from 'node:path';
import { bundleHuffDetail, type HuffDetailRow } from '../../criteria/huff-detail.ts';
import { UsageError } from '../../errors.ts';
import { csvText } from '../../io/csv-write.ts';
import { writeFileAtomically } from '../../node/atomic-file.ts';
import { bundleInputs, refuseClobbering } from '../../node/output-guard.ts';
import { subsetPointLayer } from '../../score/subset-layer.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { parseBundleOptions } from '../parse-options.ts';
import { locateInputs, readBundleAndScenario, readCandidates } from '../../node/command-inputs.ts';
import { inputCrs, type ScoreArgs } from '../score/score-args.ts';
import { USAGE } from '../usage/huff.ts';

const COLUMNS = ['candidate', 'outlet', 'kind', 'attractiveness', 'probability_before', 'probability_after', 'capture_before', 'capture_after', 'change'];
const round = (x: number): number => Number(x.toFixed(6));

function csvRows(rows: HuffDetailRow[]): (string | number)[][] {
  return rows.map((r) => [r.candidate, r.outlet, r.kind, r.attractiveness, round(r.probabilityBefore), round(r.probabilityAfter), round(r.captureBefore), round(r.captureAfter), round(r.captureAfter - r.captureBefore)]);
}

export const command: Command = {
  usage: USAGE,
  async run(argv, io) {
    const { bundle: bundleArg, values: v } = parseBundleOptions(argv, {
      bundle: { type: 'string' }, scenario: { type: 'string' }, candidates: { type: 'string' }, 'id-column': { type: 'string' },
      crs: { type: 'string' }, sites: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean', short: 'q' },
    }, 'huff');
    const args: ScoreArgs = {
      bundle: bundleArg, scenario: v.scenario, candidates: v.candidates, idColumn: v['id-column'], crs: inputCrs(v.crs),
      per: 'all', keptOnly: false, minConfidence: 0, json: false, quiet: v.quiet ?? false,
    };
    const out = path.resolve(io.cwd, v.out ?? 'huff.csv');
    const { dir, manifestPath, scenarioFile } = await locateInputs(args, io.cwd);
    const inputs = [...(await bundleInputs(dir, manifestPath)), { label: 'the scenario', file: scenarioFile }];
    if (args.candidates !== undefined) inputs.push({ label: 'the --candidates file', file: path.resolve(io.cwd, args.candidates) });
    await refuseClobbering(inputs, [{ label: '--out', file: out }]);

    const base = await readBundleAndScenario(args, io.cwd);
    let { sites } = await readCandidates(args, io.cwd, base);
    if (v.sites !== undefined) {
      const wanted = v.sites.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const position = new Map(sites.ids.map((id, i) => [id, i]));
      const unknown = wanted.filter((id) => !position.has(id));
      if (unknown.length) throw new UsageError(`--sites: no candidate ${unknown.map((id) => `'${id}'`).join(', ')}; ids look like '${sites.ids[0] ?? ''}'`);
      sites = subsetPointLayer(sites, wanted.map((id) => position.get(id)!));
    }
    const rows = bundleHuffDetail(base.bundle, base.scenario, sites);
    await writeFileAtomically(out, csvText(COLUMNS, csvRows(rows)));
    if (!args.quiet) {
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

/**
 * `siteselect huff`'s work: the Huff model outlet by outlet for each candidate
 * (src/criteria/huff-detail.ts), written as CSV — what opening the site does to every own outlet
 * and competitor around it, so a hand-worked case can be checked pair by pair. Node only.
 */
import path from 'node:path';
import { bundleHuffDetail, type HuffDetailRow } from '../criteria/huff-detail.ts';
import type { PointLayer } from '../data/layer.ts';
import { UsageError } from '../errors.ts';
import { csvText } from '../io/csv-write.ts';
import { subsetPointLayer } from '../score/subset-layer.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { locateInputs, readBundleAndScenario, readCandidates, type CommandInputs } from './command-inputs.ts';
import { refuseOverwritingInputs } from './output-guard.ts';

const COLUMNS = ['candidate', 'outlet', 'kind', 'attractiveness', 'probability_before', 'probability_after', 'capture_before', 'capture_after', 'change'];

/** Six decimals: the file is for checking by hand. */
export const roundHuff = (x: number): number => Number(x.toFixed(6));

function csvRows(rows: HuffDetailRow[]): (string | number)[][] {
  const round = roundHuff;
  return rows.map((r) => [r.candidate, r.outlet, r.kind, r.attractiveness, round(r.probabilityBefore), round(r.probabilityAfter), round(r.captureBefore), round(r.captureAfter), round(r.captureAfter - r.captureBefore)]);
}

/** The candidates named by --sites, in that order; an unknown id is a UsageError. */
function pickSites(sites: PointLayer, wanted: string[]): PointLayer {
  const position = new Map(sites.ids.map((id, i) => [id, i]));
  const unknown = wanted.filter((id) => !position.has(id));
  if (unknown.length) throw new UsageError(`--sites: no candidate ${unknown.map((id) => `'${id}'`).join(', ')}; ids look like '${sites.ids[0] ?? ''}'`);
  return subsetPointLayer(sites, wanted.map((id) => position.get(id)!));
}

/** What candidate `id` captures, and how much of it it takes from own outlets and from competitors. */
export function candidateTakes(rows: readonly HuffDetailRow[], id: string): { capture: number; fromOwn: number; fromCompetitors: number; outlets: number } {
  const mine = rows.filter((r) => r.candidate === id);
  const taken = (kind: HuffDetailRow['kind']) => -mine.filter((r) => r.kind === kind).reduce((s, r) => s + r.captureAfter - r.captureBefore, 0);
  return { capture: mine[0].captureAfter, fromOwn: taken('own'), fromCompetitors: taken('competitor'), outlets: mine.length - 1 };
}

/** Writes the detail of `sites` (all candidates when absent) to `out`; returns its rows and the sites. */
export async function writeHuffDetail(inputs: CommandInputs, out: string, cwd: string, wanted?: string[]): Promise<{ rows: HuffDetailRow[]; sites: PointLayer }> {
  const { dir, manifestPath, scenarioFile } = await locateInputs(inputs, cwd);
  await refuseOverwritingInputs({ bundle: { dir, manifestPath }, inputs: { 'the scenario': scenarioFile, 'the --candidates file': inputs.candidates && path.resolve(cwd, inputs.candidates) }, outputs: { '--out': out } });
  const base = await readBundleAndScenario(inputs, cwd);
  const { sites: all } = await readCandidates(inputs, cwd, base);
  const sites = wanted === undefined ? all : pickSites(all, wanted);
  const rows = bundleHuffDetail(base.bundle, base.scenario, sites);
  await writeFileAtomically(out, csvText(COLUMNS, csvRows(rows)));
  return { rows, sites };
}

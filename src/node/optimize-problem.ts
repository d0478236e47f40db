/**
 * The problem `siteselect optimize` solves, from a bundle folder or from a long-format cost table
 * file: reads the inputs, builds the costs (straight-line, or over the bundle's streets) and the
 * capacities, and tells each input's skipped rows. Node only; its messages name the command's flags.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedBundle, Reject } from '../data/layer.ts';
import { BundleError, UsageError } from '../errors.ts';
import type { Metric } from '../network/road-graph.ts';
import { capacitiesFromBundle } from '../optimize/capacity-from-bundle.ts';
import { problemFromBundle } from '../optimize/from-bundle.ts';
import { problemFromCostCsv, type CostTableColumns } from '../optimize/from-cost-table.ts';
import type { ModelName, OptimizeProblem } from '../optimize/problem.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { locateBundle } from './bundle-location.ts';
import { loadBundleDir } from './load-bundle-dir.ts';
import { readScenarioFile } from './read-scenario-file.ts';

export interface CapacityRequest {
  /** One capacity (a demand weight) for every site. */
  uniform?: number;
  /** A numeric column of the bundle's candidates. */
  column?: string;
  /** By outlet type (`branch=50000,agent=20000`). */
  byType?: Record<string, number>;
}

export interface OptimizeInputs {
  model: ModelName;
  p?: number;
  radius?: number;
  fixed?: string[];
  /** Full path of a scenario file (its Huff settings, candidate type, constraints). */
  scenarioFile?: string;
  /** Exactly one of `bundle` (a folder or manifest, as given) and `costs`. */
  bundle?: string;
  costs?: { file: string; columns: CostTableColumns };
  /** Costs over the bundle's streets. */
  network?: { profile: string; metric: Metric };
  capacity?: CapacityRequest;
}

/** Where the inputs are read from, and where their notes go (standard error). */
export interface OptimizeContext {
  cwd: string;
  note: (text: string) => void;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new BundleError(file, `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); check the path`, { cause: err });
  }
}

function describeRejects(file: string, rejects: Reject[], count = rejects.length): string {
  const first = rejects.slice(0, 5).map((r) => `  ${file} row ${r.row} (${r.column}): ${r.reason}${r.value !== undefined ? ` '${r.value}'` : ''}`);
  return `${count} row(s) of ${file} skipped:\n${first.join('\n')}${count > 5 ? '\n  …' : ''}\n`;
}

function huffFromScenario(scenario: Scenario | undefined, m: number, n: number) {
  const h = scenario?.huff ?? { beta: 2, floor: 50 };
  return { attractiveness: new Float64Array(m).fill(1), competitorPressure: new Float64Array(n), beta: h.beta, floor: h.floor };
}

/** The --network door: sparse demand → site costs over the bundle's streets (src/network). */
async function networkPairsFor(bundle: LoadedBundle, network: NonNullable<OptimizeInputs['network']>, note: (text: string) => void) {
  const { bundleRouter } = await import('../network/bundle-graph.ts');
  const { networkPairs } = await import('../network/network-pairs.ts');
  const router = await bundleRouter(bundle, network.profile, network.metric);
  note(`note: costs are ${network.profile} network ${network.metric === 'time' ? 'time in minutes' : 'length in metres'} over ${bundle.roads?.file}\n`);
  return networkPairs(router);
}

function capacities(request: CapacityRequest | undefined, problem: OptimizeProblem, bundle: LoadedBundle | undefined, scenario: Scenario | undefined): Float64Array | undefined {
  if (request === undefined) return undefined;
  const { uniform, column, byType } = request;
  if (!bundle) return new Float64Array(problem.costs.m).fill(uniform ?? 0);
  if (column !== undefined && !bundle.candidates?.numeric[column]) throw new UsageError(`--capacity-col ${column}: the candidates have no numeric column '${column}' (map it in bundle.json)`);
  return capacitiesFromBundle(bundle, bundle.candidates, problem.costs.m, { column, byType, uniform, candidateType: scenario?.candidateType ?? 'branch' });
}

export async function optimizeProblem(inputs: OptimizeInputs, { cwd, note }: OptimizeContext): Promise<{ problem: OptimizeProblem; rejected: number }> {
  const { model, p, radius, fixed } = inputs;
  const scenario = inputs.scenarioFile === undefined ? undefined : await readScenarioFile(inputs.scenarioFile);
  let built: { problem: OptimizeProblem; rejected: number; bundle?: LoadedBundle };
  if (inputs.bundle !== undefined) {
    const { dir, manifestPath } = await locateBundle(inputs.bundle, cwd);
    const bundle = await loadBundleDir(dir, { manifestPath });
    const pairs = inputs.network && (await networkPairsFor(bundle, inputs.network, note));
    // The rows the problem is built from: candidate sites and demand points.
    const read = bundle.reports.filter((r) => (r.layer === 'candidates' || r.layer === 'demand') && r.rejected > 0);
    for (const r of read) note(describeRejects(r.file, r.rejects, r.rejected));
    built = { problem: problemFromBundle(bundle, { model, p, radius, scenario, fixed, pairs }), rejected: read.reduce((s, r) => s + r.rejected, 0), bundle };
  } else if (inputs.costs !== undefined) {
    const { file, columns } = inputs.costs;
    const table = problemFromCostCsv({ model, file, text: await readText(path.resolve(cwd, file)), columns, p, radius, fixed });
    if (table.rejects.length > 0) note(describeRejects(file, table.rejects));
    if (model === 'huff') table.problem.huff = huffFromScenario(scenario, table.problem.costs.m, table.problem.costs.n);
    built = { problem: table.problem, rejected: table.rejects.length };
  } else throw new UsageError('give exactly one input: --bundle DIR or --costs FILE (see siteselect optimize --help)');
  const capacity = capacities(inputs.capacity, built.problem, built.bundle, scenario);
  if (capacity) built.problem.capacity = capacity;
  return { problem: built.problem, rejected: built.rejected };
}

/** `siteselect mix`'s work: the bundle and its scenario read, the channel mix built and solved (src/optimize). Node only. */
import path from 'node:path';
import { channelMixFromBundle } from '../optimize/channel-mix-from-bundle.ts';
import type { ChannelMixResult } from '../optimize/channel-mix-problem.ts';
import { solveChannelMix, type ChannelMixOptions } from '../optimize/channel-mix.ts';
import { locateBundle } from './bundle-location.ts';
import { loadBundleDir } from './load-bundle-dir.ts';
import { readScenarioFile } from './read-scenario-file.ts';

export interface ChannelMixRequest {
  /** The bundle folder or manifest and the scenario (undefined: scenario.json beside the manifest), as given. */
  bundle: string;
  scenario?: string;
  budget?: number;
}

export async function runChannelMix(request: ChannelMixRequest, cwd: string, solve: ChannelMixOptions): Promise<{ result: ChannelMixResult; notes: string[] }> {
  const { dir, manifestPath, scenarioBeside } = await locateBundle(request.bundle, cwd);
  const scenario = await readScenarioFile(request.scenario !== undefined ? path.resolve(cwd, request.scenario) : scenarioBeside);
  const bundle = await loadBundleDir(dir, { manifestPath });
  const { problem, notes } = channelMixFromBundle(bundle, scenario, { budget: request.budget });
  return { result: await solveChannelMix(problem, solve), notes };
}

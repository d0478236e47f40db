/**
 * The inputs of a criterion measured over the street network: the same BundleInputs, but with a
 * network kernel (src/network/network-kernel.ts) in place of the great-circle one, and the Huff
 * cut-off and floor in the criterion's unit. One per bundle inputs and travel setting.
 */
import { UsageError } from '../errors.ts';
import { bundleRouter } from '../network/bundle-graph.ts';
import { networkKernel, type NetworkKernel } from '../network/network-kernel.ts';
import type { CriterionSpec, NetworkTravel } from '../scenario/criterion-spec.ts';
import { BundleInputs } from './inputs.ts';


/** What a network form cannot take: a coverage gap in minutes with the outlet types' radii (metres). */
export function checkNetworkSpec(spec: CriterionSpec, travel: NetworkTravel): void {
  if (spec.kind === 'coverage_gap' && spec.distance === undefined && travel.unit === 'minutes') {
    throw new UsageError(`criterion "${spec.id}": a coverage gap over the ${travel.profile} network in minutes needs "distance" in minutes (outlet types' radii are metres)`);
  }
}

export interface NetworkInputs {
  inputs: BundleInputs;
  kernel: NetworkKernel;
}

const memo = new WeakMap<BundleInputs, Map<string, Promise<NetworkInputs>>>();

export function networkInputs(inputs: BundleInputs, travel: NetworkTravel): Promise<NetworkInputs> {
  let byKey = memo.get(inputs);
  if (!byKey) {
    byKey = new Map();
    memo.set(inputs, byKey);
  }
  const key = JSON.stringify(travel);
  let made = byKey.get(key);
  if (!made) {
    made = make(inputs, travel);
    byKey.set(key, made);
  }
  return made;
}

async function make(inputs: BundleInputs, travel: NetworkTravel): Promise<NetworkInputs> {
  const { bundle, scenario } = inputs;
  if (!bundle.roads) throw new UsageError(`a criterion measures distance over the ${travel.profile} network, but bundle '${bundle.name}' has no street network: add "roads": { "file": … } to its bundle.json, or drop "travel" from the criterion`);
  const minutes = travel.unit === 'minutes';
  const router = await bundleRouter(bundle, travel.profile, minutes ? 'time' : 'length', scenario.travel?.profiles[travel.profile]);
  const kernel = networkKernel(router, minutes ? 1 / 60 : 1, scenario.travel?.snapLimit);
  const huff = {
    ...scenario.huff,
    cutoff: travel.cutoff ?? (minutes ? 15 : scenario.huff.cutoff),
    floor: travel.floor ?? (minutes ? 1 : scenario.huff.floor),
  };
  return { inputs: new BundleInputs(bundle, { ...scenario, huff }, inputs.links, kernel, inputs.signal, inputs.database), kernel };
}

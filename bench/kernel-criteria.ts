/**
 * The five outputs of ../shared/bench/KERNEL.md through the engine's criteria (siteDemand,
 * siteCompetition, siteHuff), on any SiteKernel: the one sequence of calls the Node benchmark
 * (kernel.ts) and the browser benchmark (kernel-browser/) both time.
 */
import { siteCompetition } from '../src/criteria/competition.ts';
import { siteDemand } from '../src/criteria/demand.ts';
import { siteHuff } from '../src/criteria/huff.ts';
import type { SiteKernel } from '../src/kernel/types.ts';
import type { KernelResults } from './kernel-csv.ts';

/** The columns each input CSV must have. */
export const KERNEL_INPUTS = {
  demand: ['lon', 'lat', 'pop'],
  competitors: ['lon', 'lat', 'attractiveness'],
  candidates: ['id', 'lon', 'lat'],
} as const;

export type KernelInputs = { [file in keyof typeof KERNEL_INPUTS]: Record<string, Float64Array> };

export async function kernelResults(kernel: SiteKernel, input: KernelInputs): Promise<KernelResults> {
  const { demand: d, competitors: c, candidates: s } = input;
  const demand = { lon: d.lon, lat: d.lat, weight: d.pop };
  const competitors = { lon: c.lon, lat: c.lat, weight: c.attractiveness };
  const counted = { ...competitors, weight: new Float64Array(competitors.lon.length).fill(1) };
  const sites = { lon: s.lon, lat: s.lat, weight: new Float64Array(s.id.length).fill(1) };
  const noOwnNetwork = { lon: new Float64Array(0), lat: new Float64Array(0), weight: new Float64Array(0) };
  const pop1km = await siteDemand(kernel, sites, demand, { radius: 1000, decay: { kind: 'uniform' } });
  const decayed3km = await siteDemand(kernel, sites, demand, { radius: 3000, decay: { kind: 'exponential', lambda: 1000 } });
  const competition = await siteCompetition(kernel, sites, counted, { radius: 1000, decay: { kind: 'uniform' } });
  const huff = await siteHuff(kernel, sites, demand, noOwnNetwork, competitors, { cutoff: 5000, beta: 2, floor: 50, alpha: 1 });
  return { id: s.id, pop1km, decayed3km, comp1km: competition.count, nearestComp: competition.nearest, huffCapture: huff.capture };
}

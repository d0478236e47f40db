/** Argument checks shared by every kernel: bad arguments are the caller's bug (UsageError). */
import { UsageError } from '../errors.ts';
import type { HuffParams, Points } from './types.ts';

export function checkPoints(what: string, points: Points, weight?: Float64Array): void {
  if (points.lon.length !== points.lat.length) {
    throw new UsageError(`${what}: lon has ${points.lon.length} values but lat has ${points.lat.length}`);
  }
  if (weight && weight.length !== points.lon.length) {
    throw new UsageError(`${what}: weight has ${weight.length} values for ${points.lon.length} points`);
  }
}

export function checkRadius(radius: number): void {
  if (!(radius >= 0) || !Number.isFinite(radius)) throw new UsageError(`invalid radius: ${radius} (metres, finite, ≥ 0)`);
}

export function checkHuff(params: HuffParams): void {
  checkRadius(params.cutoff);
  if (!(params.floor >= 0)) throw new UsageError(`invalid Huff floor: ${params.floor} (metres, ≥ 0)`);
  if (!(params.beta > 0) || !Number.isFinite(params.beta)) throw new UsageError(`invalid Huff beta: ${params.beta} (> 0)`);
}

/**
 * What cannibalisation and coverage_gap do in a bundle with no own outlets, said as a warning so a
 * scenario copied onto such a city does not score on a criterion that cannot separate anything.
 */
import type { LoadedBundle } from '../data/layer.ts';

const INSTEAD = {
  cannibalisation: 'the bundle has no own outlets (network layer), so nothing is taken from them: every unit gets 0 and the criterion separates nothing (drop it or give it weight 0 until there is a network)',
  coverage_gap: 'the bundle has no own outlets (network layer), so all demand counts as uncovered: the criterion measures the same as a demand criterion over its radius',
} as const;

export function noOwnNetworkNote(kind: string, bundle: LoadedBundle): string | undefined {
  if (kind !== 'cannibalisation' && kind !== 'coverage_gap') return undefined;
  return bundle.network && bundle.network.ids.length > 0 ? undefined : INSTEAD[kind];
}

/** The Huff settings a scenario holds (defaults filled by the schema). */
import type { Scenario } from '../engine-api.ts';
import type { HuffSettings } from './huff-surface.ts';

export function huffSettingsOf(scenario: Scenario): HuffSettings {
  return { alpha: scenario.huff.alpha, beta: scenario.huff.beta, cutoff: scenario.huff.cutoff, floor: scenario.huff.floor };
}

/**
 * The scored levels as the page shows them: the funnel as last run, re-ranked on the fly for the
 * weights the sliders hold now. Each level is re-ranked only when it is looked at, and cached per
 * scenario, so a slider move costs one `rerank` of the shown level.
 */
import { rerank, type FunnelResult, type LevelResult, type Scenario } from './engine-api.ts';
import { levelWeights, type Level } from './state/scenario-edit.ts';

const KEY: Record<Level, 'regions' | 'districts' | 'sites'> = { region: 'regions', district: 'districts', site: 'sites' };

export class Levels {
  private base: FunnelResult | null = null;
  private baseScenario: Scenario | null = null;
  private cache = new Map<Level, { scenario: Scenario; result: LevelResult }>();

  setRun(funnel: FunnelResult, scenario: Scenario): void {
    this.base = funnel;
    this.baseScenario = scenario;
    this.cache.clear();
  }

  clear(): void {
    this.base = null;
    this.baseScenario = null;
    this.cache.clear();
  }

  get funnel(): FunnelResult | null {
    return this.base;
  }

  level(level: Level, scenario: Scenario): LevelResult | null {
    if (!this.base) return null;
    const base = this.base[KEY[level]];
    if (scenario === this.baseScenario) return base;
    const hit = this.cache.get(level);
    if (hit && hit.scenario === scenario) return hit.result;
    const start = performance.now();
    const result = rerank(base, levelWeights(scenario, level), scenario.combine);
    performance.measure('rerank', { start });
    this.cache.set(level, { scenario, result });
    return result;
  }

  /** The funnel with the shown level re-ranked (the others only lend names, parents and outlines). */
  view(scenario: Scenario, shown: Level): FunnelResult | null {
    const level = this.level(shown, scenario);
    if (!this.base || !level) return null;
    return { ...this.base, [KEY[shown]]: level };
  }
}

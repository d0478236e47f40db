/**
 * Funnel runs of the plans kept as plan A, by scenario: Back and Forward through comparisons (and a
 * shared link) find a plan's run here instead of asking the engine again.
 */
import type { FunnelResult, Scenario } from '../engine-api.ts';

export interface Plan {
  scenario: Scenario;
  funnel: FunnelResult;
}

/** Plans remembered; the oldest is dropped beyond this. */
const KEPT = 4;

export class PlanRuns {
  private readonly plans = new Map<string, Plan>();

  constructor(private readonly run: (scenario: Scenario) => Promise<FunnelResult>) {}

  remember(plan: Plan): void {
    const key = JSON.stringify(plan.scenario);
    this.plans.delete(key);
    this.plans.set(key, plan);
    if (this.plans.size > KEPT) this.plans.delete(this.plans.keys().next().value ?? '');
  }

  /** The plan's run: remembered, or run now in the engine. */
  async get(scenario: Scenario): Promise<Plan> {
    const known = this.plans.get(JSON.stringify(scenario));
    if (known) return known;
    const plan = { scenario, funnel: await this.run(scenario) };
    this.remember(plan);
    return plan;
  }
}

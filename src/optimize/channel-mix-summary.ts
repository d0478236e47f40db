/**
 * The machine-readable result of `siteselect mix --json`, declared once (zod → type, check and
 * schemas/channel-mix-summary.schema.json).
 */
import { z } from 'zod';
import type { ChannelMixResult } from './channel-mix-problem.ts';

export const ChannelMixSummary = z
  .object({
    method: z.enum(['milp', 'greedy']),
    exact: z.boolean(),
    /** Σ demand weight × value of the best outlet type within its radius, existing outlets included. */
    objective: z.number(),
    /** The same with the existing own outlets alone. */
    baseline: z.number(),
    bound: z.number(),
    gap: z.number().min(0),
    budget: z.number(),
    spent: z.number(),
    served: z.number().describe('Demand weight within the radius of some outlet (new or existing).'),
    total_demand: z.number(),
    sites: z.array(
      z
        .object({
          id: z.string(),
          type: z.string(),
          cost: z.number(),
          within_radius: z.number().describe("Demand weight within the type's radius of the site."),
          marginal_value: z.number().describe('Objective lost if this outlet alone were not opened.'),
          lon: z.number().nullable(),
          lat: z.number().nullable(),
        })
        .strict(),
    ),
    by_type: z.array(
      z
        .object({ type: z.string(), new_outlets: z.number().int(), existing_outlets: z.number().int(), cost: z.number(), served: z.number(), value: z.number() })
        .strict(),
    ),
    status: z.string(),
    notes: z.array(z.string()),
    seconds: z.number().min(0),
  })
  .strict();
export type ChannelMixSummary = z.infer<typeof ChannelMixSummary>;

export function summariseMix(r: ChannelMixResult, notes: string[] = []): ChannelMixSummary {
  return {
    method: r.method,
    exact: r.exact,
    objective: r.objective,
    baseline: r.baseline,
    bound: r.bound,
    gap: r.gap,
    budget: r.budget,
    spent: r.spent,
    served: r.served,
    total_demand: r.totalDemand,
    sites: r.sites.map((s) => ({ id: s.id, type: s.type, cost: s.cost, within_radius: s.withinRadius, marginal_value: s.marginalValue, lon: s.lon, lat: s.lat })),
    by_type: r.byType.map((t) => ({ type: t.type, new_outlets: t.newOutlets, existing_outlets: t.existingOutlets, cost: t.cost, served: t.served, value: t.value })),
    status: r.status,
    notes: [...notes, ...r.notes],
    seconds: r.seconds,
  };
}

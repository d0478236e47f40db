/**
 * The scenario's channel-mix section (合理配比): which outlet types compete for the candidates, the
 * budget, and the mix rules. The types' cost, radius and attractiveness live in `outletTypes`.
 */
import { z } from 'zod';

const Scope = z.enum(['global', 'district']).default('global');

export const MixRuleSpec = z.discriminatedUnion('rule', [
  z
    .object({ rule: z.literal('count'), type: z.string(), min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional(), scope: Scope })
    .strict()
    .describe('min <= number of outlets of `type` (existing + new) <= max, overall or in each district'),
  z
    .object({ rule: z.literal('ratio'), type: z.string(), atLeast: z.number().positive(), forEvery: z.number().positive(), of: z.string(), scope: Scope })
    .strict()
    .describe('at least `atLeast` outlets of `type` for every `forEvery` of `of` (e.g. 1 branch for every 4 agents)'),
  z
    .object({ rule: z.literal('density'), type: z.string(), max: z.number().min(0), perResidents: z.number().positive(), scope: Scope })
    .strict()
    .describe('at most `max` outlets of `type` per `perResidents` residents (e.g. 2 self-service per 10 000)'),
  z
    .object({ rule: z.literal('near'), type: z.string(), of: z.string(), within: z.number().positive() })
    .strict()
    .describe('a new outlet of `type` only within `within` metres of an outlet of type `of` (e.g. ATMs near a branch)'),
]);
export type MixRuleSpec = z.infer<typeof MixRuleSpec>;

export const ChannelMixSpec = z
  .object({
    /** Total cost of the new outlets may not exceed this (same unit as outletTypes[*].cost). */
    budget: z.number().min(0),
    /** The outlet types candidates may open as; default every type in outletTypes that has a cost. */
    types: z.array(z.string()).min(1).optional(),
    /** Candidate text column listing the types a site may host ('branch|agent'); empty = any. */
    typesColumn: z.string().optional(),
    rules: z.array(MixRuleSpec).default([]),
  })
  .strict();
export type ChannelMixSpec = z.infer<typeof ChannelMixSpec>;

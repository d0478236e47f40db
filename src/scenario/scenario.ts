/**
 * The scenario: everything a planner sets — criteria and weights, normalisation, the Huff model,
 * outlet types, the funnel's cut per level and the constraints on chosen sites. Declared once: the
 * zod schema gives the type, the validation (with paths) and the committed JSON Schema
 * (schemas/scenario.schema.json). Saved files carry `version`; older versions are migrated on load.
 */
import { z } from 'zod';
import { BundleError } from '../errors.ts';
import { Calibration } from '../forecast/calibration.ts';
import { ChannelMixSpec } from './channel-mix-spec.ts';
import { CriterionSpec, levelWeight, type Level } from './criterion-spec.ts';
import { migrateScenario } from './migrate.ts';

export const SCENARIO_VERSION = 1;

/** Keep the top K units, or those scoring at least minScore; both → both must hold; neither → keep all. */
export const LevelCut = z
  .object({ topK: z.number().int().positive().optional(), minScore: z.number().min(0).max(100).optional() })
  .strict();
export type LevelCut = z.infer<typeof LevelCut>;

/** Per own-outlet type: the distance it serves (coverage), its Huff attractiveness and (channel mix) its cost. */
export const OutletType = z
  .object({ radius: z.number().positive(), attractiveness: z.number().positive(), cost: z.number().min(0).optional() })
  .strict();
export type OutletType = z.infer<typeof OutletType>;

/**
 * Huff exponents beyond any fitted model (published α and β lie within 0.5–3): A^α · d^(−β) of
 * 1e6 overflows to Infinity · 0 = NaN for every site.
 */
export const MAX_HUFF_EXPONENT = 20;

export const HuffSettings = z
  .object({
    alpha: z.number().min(0).max(MAX_HUFF_EXPONENT).default(1),
    beta: z.number().positive().max(MAX_HUFF_EXPONENT).default(2),
    cutoff: z.number().positive().default(5000),
    floor: z.number().positive().default(50),
  })
  .strict();
export type HuffSettings = z.infer<typeof HuffSettings>;

/** A travel profile's changes to its defaults (src/network/profiles.ts; README, Travel time). */
const ProfileOverrideSpec = z
  .object({
    /** km/h per OSM highway class; 0 forbids the class. */
    speeds: z.record(z.string(), z.number().min(0)).optional(),
    oneway: z.boolean().optional(),
    maxspeed: z.boolean().optional(),
    /** km/h of the leg between a point and the street it snaps to. */
    offNetworkSpeed: z.number().positive().optional(),
  })
  .strict();

/** Settings of network distances (criteria whose `travel` is a network). */
export const TravelSettings = z
  .object({
    /** Metres: a point farther than this from every street is reported and out of reach. */
    snapLimit: z.number().positive().default(500),
    profiles: z.object({ walk: ProfileOverrideSpec, bike: ProfileOverrideSpec, drive: ProfileOverrideSpec }).partial().strict().default({}),
  })
  .strict();
export type TravelSettings = z.infer<typeof TravelSettings>;

/** [lon, lat] or [lon, lat, altitude] (the altitude is ignored). */
const Position = z.array(z.number()).min(2).max(3);
const Polygonal = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
]);

export const Constraints = z
  .object({
    /** A chosen site must lie at least this many metres from every own outlet. */
    minDistanceToOwn: z.number().positive().optional(),
    /** Chosen sites must lie at least this many metres apart (greedy, best first). */
    minSpacing: z.number().positive().optional(),
    /** Upper limits on candidate attributes, e.g. { "rent": 60 }; a missing value fails the limit. */
    maxAttribute: z.record(z.string(), z.number()).optional(),
    /** Lower limits on candidate attributes, e.g. { "floor_area": 80 }; a missing value fails the limit. */
    minAttribute: z.record(z.string(), z.number()).optional(),
    /** No site is chosen inside these polygons (WGS84). */
    excludedAreas: z.array(Polygonal).optional(),
    /** At most N chosen sites per region (the "best 5 in each city" shortlist). */
    topNPerRegion: z.number().int().positive().optional(),
    /**
     * A SQL condition over the candidates' columns, e.g. "rent < 50000 AND floor_area > 120", run by
     * DuckDB; a site where it is false or has no value is not chosen ("filtered out by: …").
     */
    filter: z.string().trim().min(1).optional(),
  })
  .strict();
export type Constraints = z.infer<typeof Constraints>;

const ScenarioShape = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(SCENARIO_VERSION),
    name: z.string().min(1),
    description: z.string().optional(),
    criteria: z.array(CriterionSpec).min(1),
    /** Weighted sum of normalised values (weights rescaled to sum 1), or weighted geometric mean. */
    combine: z.enum(['sum', 'geometric']).default('sum'),
    huff: HuffSettings.default({ alpha: 1, beta: 2, cutoff: 5000, floor: 50 }),
    travel: TravelSettings.optional(),
    outletTypes: z.record(z.string(), OutletType).default({
      branch: { radius: 2000, attractiveness: 1 },
      'self-service': { radius: 1000, attractiveness: 0.3 },
      agent: { radius: 1000, attractiveness: 0.5 },
    }),
    /** The type of outlet being planned: sets the candidate's attractiveness. */
    candidateType: z.string().default('branch'),
    funnel: z
      .object({
        regions: LevelCut.default({}),
        districts: LevelCut.default({}),
        sites: LevelCut.default({ topK: 20 }),
        /** Lattice spacing in metres for generated candidates when the bundle has none. */
        latticeSpacing: z.number().positive().default(500),
        /** Weights of the site's district and region scores as context terms in the site score. */
        context: z.object({ district: z.number().min(0).default(0), region: z.number().min(0).default(0) }).strict().default({ district: 0, region: 0 }),
      })
      .strict()
      .default({ regions: {}, districts: {}, sites: { topK: 20 }, latticeSpacing: 500, context: { district: 0, region: 0 } }),
    constraints: Constraints.default({}),
    /** Channel mix (siteselect mix): budget, the types candidates may open as, mix rules. */
    channelMix: ChannelMixSpec.optional(),
    /** A calibration (siteselect calibrate --out) for the forecast_net criterion and forecasts. */
    calibration: Calibration.optional(),
  })
  .strict();

export const Scenario = ScenarioShape.superRefine((scenario, ctx) => {
  const seen = new Map<string, number>();
  scenario.criteria.forEach((criterion, i) => {
    const first = seen.get(criterion.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `duplicate criterion id "${criterion.id}" (also criteria[${first}])` });
    } else seen.set(criterion.id, i);
    const { direction } = criterion;
    if (direction && typeof direction === 'object' && 'range' in direction && direction.range[0] > direction.range[1]) {
      ctx.addIssue({ code: 'custom', path: ['criteria', i, 'direction', 'range'], message: 'range must be [low, high] with low ≤ high' });
    }
  });
  checkWeights(scenario, ctx);
  if (!Object.hasOwn(scenario.outletTypes, scenario.candidateType)) {
    ctx.addIssue({ code: 'custom', path: ['candidateType'], message: `"${scenario.candidateType}" is not one of outletTypes (${Object.keys(scenario.outletTypes).join(', ')})` });
  }
});
export type Scenario = z.infer<typeof Scenario>;

const LEVELS: readonly Level[] = ['region', 'district', 'site'];
const LEVEL_CUT: Record<Exclude<Level, 'site'>, (s: z.infer<typeof ScenarioShape>) => LevelCut> = {
  region: (s) => s.funnel.regions,
  district: (s) => s.funnel.districts,
};

/**
 * Weights that make no ranking: all 0 at the site level (every score 0, sites ranked by id; the
 * context terms count there), or at a region/district level that cuts, or a total that overflows
 * (1e308 each).
 */
function checkWeights(scenario: z.infer<typeof ScenarioShape>, ctx: z.RefinementCtx): void {
  for (const level of LEVELS) {
    const weights = scenario.criteria.map((c) => levelWeight(c, level));
    const context = level === 'site' ? scenario.funnel.context.district + scenario.funnel.context.region : 0;
    const total = weights.reduce((a, b) => a + b, context);
    if (!Number.isFinite(total)) {
      const i = weights.indexOf(Math.max(...weights));
      ctx.addIssue({ code: 'custom', path: ['criteria', i, 'weight'], message: `the ${level} weights add up to more than the largest number; scale them down (weights are rescaled to sum 1, so 1, 2, 0.5 … will do)` });
    }
    const levelCut = level === 'site' ? undefined : LEVEL_CUT[level](scenario);
    const cut = levelCut === undefined || levelCut.topK !== undefined || levelCut.minScore !== undefined;
    if (total === 0 && cut) {
      ctx.addIssue({ code: 'custom', path: ['criteria', 0, 'weight'], message: `every criterion weighs 0 at the ${level} level, so every score would be 0 and the ranking arbitrary; give at least one criterion a weight above 0` });
    }
  }
}
export type ScenarioInput = z.input<typeof Scenario>;

/** `criteria[2].weight` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out === '' ? '(root)' : out;
}

/**
 * Validates a scenario (any saved version) and returns the current version with defaults filled in.
 * Throws BundleError naming the file and the first bad path.
 */
export function parseScenario(json: unknown, file = 'scenario.json'): Scenario {
  const migrated = migrateScenario(json, file);
  const result = Scenario.safeParse(migrated);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw new BundleError(file, `${file}: ${formatPath(first.path)}: ${first.message}${more}; fix that value and load the scenario again.`, { cause: result.error });
}

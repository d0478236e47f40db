/**
 * One criterion of a scenario (DESIGN §3): which measure, its parameters, its weight at each level,
 * how it is normalised and which direction is better. The same entry drives the site form and the
 * areal form, so the three levels use the same criteria.
 */
import { z } from 'zod';
import { PROFILE_NAMES } from '../network/profiles.ts';

export const CRITERION_KINDS = [
  'demand',
  'competition',
  'huff_share',
  'cannibalisation',
  'agglomeration',
  'access',
  'coverage_gap',
  'network_norm',
  'attribute',
  'forecast_net',
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const NORMALISATIONS = ['minmax', 'zscore', 'percentile', 'rank', 'none'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];

const positive = z.number().positive();

/**
 * Power-decay exponents beyond any fitted model (distance-decay β lie within 0.5–3): d^(−β) of
 * 1e6 is 0 for every distance, so every site's value is 0.
 */
export const MAX_DECAY_EXPONENT = 20;

/** Distance decay f(d) (mirrors the kernel's `Decay`). */
export const DecaySpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('uniform') }).strict(),
  z.object({ kind: z.literal('exponential'), lambda: positive }).strict(),
  z.object({ kind: z.literal('power'), beta: positive.max(MAX_DECAY_EXPONENT, `a power-decay beta above ${MAX_DECAY_EXPONENT} weighs every distance as 0 (fitted values lie within 0.5–3)`), floor: positive.default(50) }).strict(),
  z.object({ kind: z.literal('linear') }).strict(),
  z.object({ kind: z.literal('gaussian'), sigma: positive }).strict(),
]);
export type DecaySpec = z.infer<typeof DecaySpec>;

/** "higher" / "lower" is better, closest to a target value, or inside an ideal range. */
export const Direction = z.union([
  z.enum(['higher', 'lower']),
  z.object({ target: z.number() }).strict(),
  z.object({ range: z.tuple([z.number(), z.number()]) }).strict(),
]);
export type Direction = z.infer<typeof Direction>;

const LevelWeights = z
  .object({ region: z.number().min(0), district: z.number().min(0), site: z.number().min(0) })
  .partial()
  .strict();

const common = {
  /** Unique within the scenario; the key of the weights a re-ranking passes. */
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and hold only letters, digits, _ and -'),
  label: z.string().optional(),
  /** Weight at every level unless `levels` overrides it; 0 leaves the criterion out. */
  weight: z.number().min(0).default(1),
  levels: LevelWeights.optional(),
  normalise: z.enum(NORMALISATIONS).default('minmax'),
  /** Defaults per kind: see defaultDirection(). */
  direction: Direction.optional(),
};
/**
 * How the criterion measures distance (DESIGN §12): a straight line (great circle, the default) or
 * travel over the bundle's street network with a profile, in minutes or metres. With a network,
 * the criterion's radius, decay parameters and coverage distance are in that unit; Huff uses
 * `cutoff` and `floor` in it (minutes: 15 and 1 by default; metres: the scenario's huff settings).
 */
export const TravelSpec = z.discriminatedUnion('metric', [
  z.object({ metric: z.literal('straight') }).strict(),
  z.object({
    metric: z.literal('network'),
    profile: z.enum(PROFILE_NAMES),
    unit: z.enum(['minutes', 'metres']).default('minutes'),
    cutoff: positive.optional(),
    floor: positive.optional(),
  }).strict(),
]);
export type TravelSpec = z.infer<typeof TravelSpec>;
export type NetworkTravel = Extract<TravelSpec, { metric: 'network' }>;

/** "walk network, min": how labels and explanations name a network metric. */
export function travelLabel(travel: NetworkTravel): string {
  return `${travel.profile} network, ${travel.unit === 'minutes' ? 'min' : 'm'}`;
}
const travel = TravelSpec.optional();

const radius = positive.default(1000);
const decay = DecaySpec.default({ kind: 'uniform' });
const strings = z.array(z.string()).optional();

export const CriterionSpec = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('demand'), travel, radius, decay,
    /** Demand weight column (numeric), e.g. population, households, workers. */
    column: z.string().default('population'),
    /** Affluence: multiply the weight by this column (e.g. income per head → purchasing power). */
    times: z.string().optional(),
    /** Areal form: demand per km² (default) or the total. */
    areal: z.enum(['density', 'total']).default('density') }).strict(),
  z.object({ ...common, kind: z.literal('competition'), travel, radius, decay,
    brands: strings, excludeBrands: strings, types: strings,
    weightByAttractiveness: z.boolean().default(false),
    /**
     * count: competitors within R (areal: per 10 000 residents); nearest: the nearest one's distance
     * (site form only); concentration: Herfindahl index of brand shares within R (areal: inside).
     */
    measure: z.enum(['count', 'nearest', 'concentration']).default('count') }).strict(),
  z.object({ ...common, kind: z.literal('huff_share'), travel,
    /** Site form: demand captured (default) or net gain (capture − cannibalisation). */
    measure: z.enum(['capture', 'net_gain']).default('capture'),
    brands: strings, excludeBrands: strings, column: z.string().default('population') }).strict(),
  z.object({ ...common, kind: z.literal('cannibalisation'), travel, brands: strings, excludeBrands: strings,
    column: z.string().default('population') }).strict(),
  z.object({ ...common, kind: z.literal('agglomeration'), travel, radius, decay,
    categories: strings,
    /** Weight per category (default 1, times the POI's own weight column when present). */
    categoryWeights: z.record(z.string(), z.number().min(0)).optional() }).strict(),
  z.object({ ...common, kind: z.literal('access'), travel, radius, decay,
    modeWeights: z.record(z.string(), z.number().min(0)).default({ metro: 3, rail: 3, bus: 1 }),
    /** Weight of a mode not named in modeWeights. */
    otherWeight: z.number().min(0).default(1),
    /** Site form: weighted stops within R (default) or the distance to the nearest metro station. */
    measure: z.enum(['stops', 'nearest_metro']).default('stops') }).strict(),
  z.object({ ...common, kind: z.literal('coverage_gap'), travel, radius,
    /** D: demand farther than this from every own outlet is uncovered; default each outlet type's radius. */
    distance: positive.optional(), column: z.string().default('population') }).strict(),
  z.object({ ...common, kind: z.literal('network_norm'),
    /** Own outlet types counted (default all). */
    types: strings,
    /** Count the outlet being planned (the site form's "after opening"); areal forms follow suit. */
    afterOpening: z.boolean().default(true), column: z.string().default('population') }).strict(),
  z.object({ ...common, kind: z.literal('forecast_net'),
    /**
     * Site form only, with the scenario's calibration (siteselect calibrate): the forecast net of
     * what it takes from own outlets (default), or the gross forecast, in the observed unit.
     */
    measure: z.enum(['net', 'forecast']).default('net') }).strict(),
  z.object({ ...common, kind: z.literal('attribute'),
    /** Numeric column of the candidate sites. */
    column: z.string().min(1),
    /** What the column is measured in, shown beside its values in every language ('CNY/month', 'm²'); without it, the column's name. */
    unit: z.string().min(1).optional(),
    /** Numeric column of regions/districts for the areal form; without it the criterion is site-only. */
    areaColumn: z.string().optional() }).strict(),
]);
export type CriterionSpec = z.infer<typeof CriterionSpec>;
export type CriterionSpecInput = z.input<typeof CriterionSpec>;

export type Level = 'region' | 'district' | 'site';

/** The direction in force: the scenario's, else the default. */
export function directionOf(spec: CriterionSpec, level: Level): Direction {
  return spec.direction ?? defaultDirection(spec, level);
}

/** The criterion's weight at a level. */
export function levelWeight(spec: CriterionSpec, level: Level): number {
  return spec.levels?.[level] ?? spec.weight;
}

/**
 * DESIGN §3's direction column, per kind, measure and level (a nearest-distance measure is a site
 * form only; areal forms are densities or rates).
 */
export function defaultDirection(spec: CriterionSpec, level: Level): Direction {
  const site = level === 'site';
  switch (spec.kind) {
    case 'competition':
      // a market split among many peers is easier to enter than one a single brand dominates
      return site && spec.measure === 'nearest' ? 'higher' : 'lower';
    case 'cannibalisation':
      return 'lower';
    case 'access':
      return site && spec.measure === 'nearest_metro' ? 'lower' : 'higher';
    case 'network_norm':
      return { target: 10_000 };
    default:
      return 'higher';
  }
}

/**
 * A criterion's kind-specific settings in words and units, as the engine applies them ("within
 * 1 000 m, no distance decay; people per km² in regions and districts"), for the report's scenario
 * table. One sentence part per setting; defaults are written too, since they are what was run.
 */
import type { CriterionSpec, DecaySpec, TravelSpec } from '../scenario/criterion-spec.ts';
import { travelLabel } from '../scenario/criterion-spec.ts';
import { formatRaw } from './format-score.ts';

/** The unit distances of this criterion are in: metres, or the network travel unit. */
function distanceUnit(travel: TravelSpec | undefined): string {
  return travel?.metric === 'network' && travel.unit === 'minutes' ? 'min' : 'm';
}

const amount = (v: number, unit: string): string => `${formatRaw(v)} ${unit}`;
const list = (xs: readonly string[]): string => xs.join(', ');
const weights = (w: Record<string, number>): string => Object.entries(w).map(([k, v]) => `${k} ×${formatRaw(v)}`).join(', ');

function decayWords(d: DecaySpec, unit: string): string {
  switch (d.kind) {
    case 'uniform':
      return 'no distance decay';
    case 'linear':
      return 'weight falling linearly to 0 at the radius';
    case 'exponential':
      return `exponential decay e^(−d/λ), λ = ${amount(d.lambda, unit)}`;
    case 'gaussian':
      return `Gaussian decay, σ = ${amount(d.sigma, unit)}`;
    case 'power':
      return `power decay d^(−β), β = ${formatRaw(d.beta)}, distances under ${amount(d.floor, unit)} count as ${amount(d.floor, unit)}`;
  }
}

function travelWords(travel: TravelSpec | undefined): string[] {
  return travel?.metric === 'network' ? [`distances over the ${travelLabel(travel)}`] : [];
}

function brandWords(brands: string[] | undefined, excluded: string[] | undefined): string[] {
  return [...(brands?.length ? [`brands ${list(brands)} only`] : []), ...(excluded?.length ? [`excluding brands ${list(excluded)}`] : [])];
}

const column = (c: string): string => `weight column ${c}`;

function parts(spec: CriterionSpec): string[] {
  const unit = 'travel' in spec ? distanceUnit(spec.travel) : 'm';
  const within = (radius: number): string => `within ${amount(radius, unit)}`;
  switch (spec.kind) {
    case 'demand':
      return [
        within(spec.radius), decayWords(spec.decay, unit), column(spec.column) + (spec.times ? ` × ${spec.times}` : ''),
        spec.areal === 'density' ? 'regions and districts: per km²' : 'regions and districts: total',
        ...travelWords(spec.travel),
      ];
    case 'competition': {
      const measure = spec.measure === 'nearest' ? 'distance to the nearest competitor' : spec.measure === 'concentration' ? 'brand concentration (Herfindahl index)' : 'competitors counted';
      return [
        measure, within(spec.radius), decayWords(spec.decay, unit), ...(spec.weightByAttractiveness ? ['each weighted by its attractiveness'] : []),
        ...brandWords(spec.brands, spec.excludeBrands), ...(spec.types?.length ? [`types ${list(spec.types)}`] : []), ...travelWords(spec.travel),
      ];
    }
    case 'huff_share':
      return [spec.measure === 'net_gain' ? 'net gain: demand captured minus what own outlets lose' : 'demand captured', column(spec.column), ...brandWords(spec.brands, spec.excludeBrands), ...travelWords(spec.travel)];
    case 'cannibalisation':
      return ['demand taken from own outlets', column(spec.column), ...brandWords(spec.brands, spec.excludeBrands), ...travelWords(spec.travel)];
    case 'agglomeration':
      return [
        spec.categories?.length ? `POIs of ${list(spec.categories)}` : 'POIs of every category', within(spec.radius), decayWords(spec.decay, unit),
        ...(spec.categoryWeights && Object.keys(spec.categoryWeights).length ? [`weights ${weights(spec.categoryWeights)} (others ×1)`] : []), ...travelWords(spec.travel),
      ];
    case 'access':
      return spec.measure === 'nearest_metro'
        ? ['distance to the nearest metro station', ...travelWords(spec.travel)]
        : ['transit stops', within(spec.radius), decayWords(spec.decay, unit), `weights ${weights(spec.modeWeights)}, other modes ×${formatRaw(spec.otherWeight)}`, ...travelWords(spec.travel)];
    case 'coverage_gap':
      return [
        `demand ${within(spec.radius)}`,
        spec.distance !== undefined ? `uncovered when farther than ${amount(spec.distance, unit)} from every own outlet` : "uncovered when beyond every own outlet's type radius",
        column(spec.column), ...travelWords(spec.travel),
      ];
    case 'network_norm':
      return [
        `residents (${spec.column}) per own outlet in the district`, spec.types?.length ? `outlet types ${list(spec.types)}` : 'every own outlet type',
        spec.afterOpening ? 'counting the planned outlet' : 'existing outlets only',
      ];
    case 'forecast_net':
      return [spec.measure === 'net' ? 'forecast net of what own outlets lose' : 'gross forecast', 'in the observed unit of the calibration'];
    case 'attribute':
      return [`the sites' ${spec.column}`, spec.areaColumn ? `regions and districts: ${spec.areaColumn}` : 'sites only'];
  }
}

export function criterionParameters(spec: CriterionSpec): string {
  return parts(spec).join('; ');
}

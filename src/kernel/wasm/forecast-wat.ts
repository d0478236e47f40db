/**
 * The WebAssembly text of the forecast scans (src/forecast/forecast-sites.ts): one new site c against
 * the market state, over the circle-clipped slices of the demand grid, for any power β or
 * exponential λ (the kernel's Huff scans handle β = 2 only). Per demand point i within the cut-off,
 *   D_i = ln max(d, floor) (power) or min(d, cut-off) (exponential),  t_i = E·e^(−coeff·D_i),
 *   P_i = t_i/(S_i + t_i),  spread_i = w_i·P_i·(1 − P_i),
 * and the scan returns, in `out`: Σ w·P, Σ wO·P (wO = w_i × the own network's share), Σ spread,
 * Σ spread·D and Σ spread·Ḡ_q for each of G mean-gradient columns (G = 1 … MAX_GRADIENT_COLUMNS,
 * one function each), and writes w_i·P_i at i of the `share` column (0 beyond the cut-off) for the
 * per-outlet transfers: in the site's lane of that interleaved column (transfers-wat.ts). Columns are laid out as for the kernel scans (kernel-wat.ts), each with a
 * spare slot after its last point.
 */
import { EARTH_RADIUS_M } from '../../geo/haversine.ts';
import { TRANSFER_LANES } from './transfers-wat.ts';
import { CONSTANTS, expNegSteps, lnSteps, load, mathLocals, slicesLoop, splat } from './wat-math.ts';

/** Most mean-gradient columns (θ's entries after log s: α, the γs, the decay) a scan takes. */
export const MAX_GRADIENT_COLUMNS = 4;

/**
 * Series terms: the market state keeps its distance terms in single precision (~1e-7), so the
 * scans aim at ~1e-10: ln's first omitted term s¹³/13 < 1e-11 (an error in D of β·1e-11 in log t),
 * e^(−r)'s r¹⁰/10! < 1e-11, and the arc's d² = R²c² + R²c⁴/12 drops R²c⁶/90 (< 2e-11 of d² up to
 * SIMD_MAX_CHORD_SQ). The SIMD scans and the JS scan agree to ~1e-11.
 */
const LN_TERMS = 6;
const EXP_TERMS = 10;
const R2 = EARTH_RADIUS_M * EARTH_RADIUS_M;

export type ForecastDecay = 'power' | 'exponential';

export function forecastScanName(decay: ForecastDecay, gradientColumns: number): string {
  return `huff_forecast_${decay}_g${gradientColumns}`;
}

/**
 * The statements of one step over the pair at $o + `offset`, its scratch locals suffixed by `x`;
 * `tail`: a lone last point (second lane masked, one lane stored).
 */
function forecastStep(decay: ForecastDecay, g: number, tail: boolean, x = '', offset = 0): string[] {
  const get = (name: string) => `(local.get $${name}${x})`;
  const at = (column: string) => load(column, offset);
  const mask = `(f64x2.le ${get('c2')} (local.get $vlimit))`;
  const arcSq = `(f64x2.mul ${get('c2')} (f64x2.add ${splat(R2)} (f64x2.mul ${get('c2')} ${splat(R2 / 12)})))`;
  const arc = `(f64x2.mul (f64x2.mul ${splat(EARTH_RADIUS_M)} (f64x2.sqrt ${get('c2')}))
    (f64x2.add (f64x2.add ${splat(1)} (f64x2.mul ${get('c2')} ${splat(1 / 24)})) (f64x2.mul (f64x2.mul ${get('c2')} ${get('c2')}) ${splat(3 / 640)})))`;
  const distance = decay === 'power'
    ? lnSteps(`(f64x2.pmax (local.get $vfloor2) (f64x2.pmin (local.get $vcut) ${arcSq}))`, LN_TERMS, x)
    : [`(f64x2.pmin (local.get $vcut) ${arc})`];
  const decayed = expNegSteps(`(f64x2.mul (local.get $vcoeff) ${get('dd')})`, EXP_TERMS, x);
  // The share column is interleaved, TRANSFER_LANES sites per point ($share points at the site's lane).
  const address = `(i32.add (local.get $share) (i32.shl (local.get $o) (i32.const ${Math.log2(TRANSFER_LANES)})))`;
  const storeLane = (lane: number) => {
    const at = TRANSFER_LANES * (offset + 8 * lane);
    return `(f64.store${at ? ` offset=${at}` : ''} ${address} (f64x2.extract_lane ${lane} ${get('ws')}))`;
  };
  const stored = tail ? storeLane(0) : `${storeLane(0)} ${storeLane(1)}`;
  const add = (acc: number, term: string) => `(local.set $acc${acc} (f64x2.add (local.get $acc${acc}) ${term}))`;
  return [
    `(local.set $dx${x} (f64x2.sub ${at('$x')} (local.get $vqx)))`,
    `(local.set $dy${x} (f64x2.sub ${at('$y')} (local.get $vqy)))`,
    `(local.set $dz${x} (f64x2.sub ${at('$z')} (local.get $vqz)))`,
    `(local.set $c2${x} (f64x2.add (f64x2.add (f64x2.mul ${get('dx')} ${get('dx')}) (f64x2.mul ${get('dy')} ${get('dy')})) (f64x2.mul ${get('dz')} ${get('dz')})))`,
    ...distance.slice(0, -1),
    `(local.set $dd${x} ${decay === 'power' ? `(f64x2.mul ${splat(0.5)} ${distance[distance.length - 1]})` : distance[0]})`,
    ...decayed.slice(0, -1),
    `(local.set $t${x} (f64x2.mul (local.get $ve) ${decayed[decayed.length - 1]}))`,
    `(local.set $p${x} (v128.and (f64x2.div ${get('t')} (f64x2.add ${at('$s')} ${get('t')})) ${tail ? `(v128.and ${mask} (v128.const i64x2 -1 0))` : mask}))`,
    `(local.set $ws${x} (f64x2.mul ${at('$w')} ${get('p')}))`,
    `(local.set $sp${x} (f64x2.mul ${get('ws')} (f64x2.sub ${splat(1)} ${get('p')})))`,
    add(0, get('ws')),
    add(1, `(f64x2.mul ${at('$wo')} ${get('p')})`),
    add(2, get('sp')),
    add(3, `(f64x2.mul ${get('sp')} ${get('dd')})`),
    ...Array.from({ length: g }, (_, q) => add(4 + q, `(f64x2.mul ${get('sp')} ${at(`$g${q + 1}`)})`)),
    stored,
  ];
}

/** Pairs per step of the main loop, their statements interleaved (see groupSteps). */
const INTERLEAVED = 2;
const SUFFIXES = Array.from({ length: INTERLEAVED }, (_, i) => (i === 0 ? '' : `_${i}`));

/**
 * INTERLEAVED pairs per step, their statements interleaved: one pair's chain (chord, ln, e^(−x), a
 * division) is long and each statement waits for the last, so the core overlaps the chains.
 */
function groupSteps(decay: ForecastDecay, g: number): string {
  const steps = SUFFIXES.map((x, i) => forecastStep(decay, g, false, x, 16 * i));
  return steps[0].flatMap((_, i) => steps.map((step) => step[i])).join('\n        ');
}

/**
 * `cut`: the cut-off as the distance form clamps it (squared metres for power, metres for
 * exponential); `floor2`: the floor squared (power only; the exponential form has no floor).
 */
function forecastFunction(decay: ForecastDecay, g: number): string {
  const gradientColumns = Array.from({ length: g }, (_, q) => `$g${q + 1}`);
  const params = ['$ranges i32', '$count i32', '$x i32', '$y i32', '$z i32', '$w i32', '$wo i32', '$s i32', ...gradientColumns.map((c) => `${c} i32`),
    '$share i32', '$out i32', '$qx f64', '$qy f64', '$qz f64', '$limit f64', '$e f64', '$coeff f64', '$floor2 f64', '$cut f64'];
  const vectors = ['$vqx', '$vqy', '$vqz', '$vlimit', '$ve', '$vcoeff', '$vfloor2', '$vcut'];
  const body = groupSteps(decay, g) + forecastStep(decay, g, true).join(' ');
  const constants = [...CONSTANTS].filter(([, local]) => body.includes(`(local.get ${local})`));
  const accumulators = Array.from({ length: 4 + g }, (_, a) => `$acc${a}`);
  return `(func (export "${forecastScanName(decay, g)}") ${params.map((p) => `(param ${p})`).join(' ')}
    (local $r i32) (local $o i32) (local $end i32)
    ${[...constants.map(([, local]) => local), ...vectors, ...accumulators, ...SUFFIXES.flatMap((x) => [...mathLocals(x),
    ...['$dx', '$dy', '$dz', '$c2', '$dd', '$t', '$p', '$ws', '$sp'].map((v) => v + x)])].map((v) => `(local ${v} v128)`).join(' ')}
    ${constants.map(([literal, local]) => `(local.set ${local} (f64x2.splat (f64.const ${literal})))`).join('\n    ')}
    ${vectors.map((v) => `(local.set ${v} (f64x2.splat (local.get $${v.slice(2)})))`).join('\n    ')}
    ${slicesLoop(forecastStep(decay, g, false).join('\n        '), forecastStep(decay, g, true).join('\n        '), groupSteps(decay, g), INTERLEAVED)}
    ${accumulators.map((acc, a) => `(f64.store offset=${8 * a} (local.get $out) (f64.add (f64x2.extract_lane 0 (local.get ${acc})) (f64x2.extract_lane 1 (local.get ${acc}))))`).join('\n    ')})`;
}

export function forecastWat(): string {
  const functions: string[] = [];
  for (const decay of ['power', 'exponential'] as const) {
    for (let g = 1; g <= MAX_GRADIENT_COLUMNS; g++) functions.push(forecastFunction(decay, g));
  }
  return functions.join('\n  ');
}

/**
 * The WebAssembly text of the forecast scans (src/forecast/forecast-sites.ts): one new site c against
 * the market state, over the circle-clipped slices of the demand grid, for any power β or
 * exponential λ (the kernel's Huff scans handle β = 2 only). Per demand point i within the cut-off,
 *   D_i = ln max(d, floor) (power) or min(d, cut-off) (exponential),  t_i = E·e^(−coeff·D_i),
 *   P_i = t_i/(S_i + t_i),  spread_i = w_i·P_i·(1 − P_i),
 * and the scan returns, in `out`: Σ w·P, Σ wO·P (wO = w_i × the own network's share), Σ spread,
 * Σ spread·D and Σ spread·Ḡ_q for each of G mean-gradient columns (G = 1 … MAX_GRADIENT_COLUMNS,
 * one function each), and writes w_i·P_i at i of the `share` column (0 beyond the cut-off) for the
 * per-outlet transfers. Columns are laid out as for the kernel scans (kernel-wat.ts), each with a
 * spare slot after its last point.
 */
import { ARC, ARC_SQ, CONSTANTS, expNeg, ln, load, MATH_LOCALS, slicesLoop, splat } from './wat-math.ts';

/** Most mean-gradient columns (θ's entries after log s: α, the γs, the decay) a scan takes. */
export const MAX_GRADIENT_COLUMNS = 4;

/**
 * Series terms: the market state's distance terms are single precision (~1e-7), so the scans need
 * no more than ~1e-13: ln's first omitted term is s¹⁷/17 < 3e-14 of ln m, e^(−r)'s r¹¹/11! < 3e-13.
 */
const LN_TERMS = 8;
const EXP_TERMS = 11;

export type ForecastDecay = 'power' | 'exponential';

export function forecastScanName(decay: ForecastDecay, gradientColumns: number): string {
  return `huff_forecast_${decay}_g${gradientColumns}`;
}

function forecastStep(decay: ForecastDecay, g: number, tail: boolean): string {
  const mask = `(f64x2.le (local.get $c2) (local.get $vlimit))`;
  const distance = decay === 'power'
    ? `(f64x2.mul ${splat(0.5)} (block (result v128) ${ln(`(f64x2.pmax (local.get $vfloor2) (f64x2.pmin (local.get $vcut) ${ARC_SQ}))`, LN_TERMS)}))`
    : `(f64x2.pmin (local.get $vcut) ${ARC})`;
  const store = tail
    ? '(f64.store (i32.add (local.get $share) (local.get $o)) (f64x2.extract_lane 0 (local.get $ws)))'
    : '(v128.store (i32.add (local.get $share) (local.get $o)) (local.get $ws))';
  const gradients = Array.from({ length: g }, (_, q) => `(local.set $acc${4 + q} (f64x2.add (local.get $acc${4 + q}) (f64x2.mul (local.get $sp) ${load(`$g${q + 1}`)})))`);
  return `(local.set $dx (f64x2.sub ${load('$x')} (local.get $vqx)))
        (local.set $dy (f64x2.sub ${load('$y')} (local.get $vqy)))
        (local.set $dz (f64x2.sub ${load('$z')} (local.get $vqz)))
        (local.set $c2 (f64x2.add (f64x2.add (f64x2.mul (local.get $dx) (local.get $dx)) (f64x2.mul (local.get $dy) (local.get $dy)))
          (f64x2.mul (local.get $dz) (local.get $dz))))
        (local.set $dd ${distance})
        (local.set $t (f64x2.mul (local.get $ve) (block (result v128) ${expNeg('(f64x2.mul (local.get $vcoeff) (local.get $dd))', EXP_TERMS)})))
        (local.set $p (v128.and (f64x2.div (local.get $t) (f64x2.add ${load('$s')} (local.get $t)))
          ${tail ? `(v128.and ${mask} (v128.const i64x2 -1 0))` : mask}))
        (local.set $ws (f64x2.mul ${load('$w')} (local.get $p)))
        (local.set $sp (f64x2.mul (local.get $ws) (f64x2.sub ${splat(1)} (local.get $p))))
        (local.set $acc0 (f64x2.add (local.get $acc0) (local.get $ws)))
        (local.set $acc1 (f64x2.add (local.get $acc1) (f64x2.mul ${load('$wo')} (local.get $p))))
        (local.set $acc2 (f64x2.add (local.get $acc2) (local.get $sp)))
        (local.set $acc3 (f64x2.add (local.get $acc3) (f64x2.mul (local.get $sp) (local.get $dd))))
        ${gradients.join('\n        ')}
        ${store}`;
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
  const body = forecastStep(decay, g, false) + forecastStep(decay, g, true);
  const constants = [...CONSTANTS].filter(([, local]) => body.includes(`(local.get ${local})`));
  const accumulators = Array.from({ length: 4 + g }, (_, a) => `$acc${a}`);
  return `(func (export "${forecastScanName(decay, g)}") ${params.map((p) => `(param ${p})`).join(' ')}
    (local $r i32) (local $o i32) (local $end i32)
    ${[...constants.map(([, local]) => local), ...vectors, ...accumulators, ...MATH_LOCALS,
    '$dx', '$dy', '$dz', '$c2', '$dd', '$t', '$p', '$ws', '$sp'].map((v) => `(local ${v} v128)`).join(' ')}
    ${constants.map(([literal, local]) => `(local.set ${local} (f64x2.splat (f64.const ${literal})))`).join('\n    ')}
    ${vectors.map((v) => `(local.set ${v} (f64x2.splat (local.get $${v.slice(2)})))`).join('\n    ')}
    ${slicesLoop(forecastStep(decay, g, false), forecastStep(decay, g, true))}
    ${accumulators.map((acc, a) => `(f64.store offset=${8 * a} (local.get $out) (f64.add (f64x2.extract_lane 0 (local.get ${acc})) (f64x2.extract_lane 1 (local.get ${acc}))))`).join('\n    ')})`;
}

export function forecastWat(): string {
  const functions: string[] = [];
  for (const decay of ['power', 'exponential'] as const) {
    for (let g = 1; g <= MAX_GRADIENT_COLUMNS; g++) functions.push(forecastFunction(decay, g));
  }
  return functions.join('\n  ');
}

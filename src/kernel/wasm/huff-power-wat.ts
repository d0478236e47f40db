/**
 * The WebAssembly text of the Huff candidates scan for any distance exponent β (the kernel's
 * capture_inverse_square takes β = 2 without a power): per demand point i within the cut-off,
 *   t = a·max(d², floor²)^(−β/2) = a·e^(−(β/2)·ln m),  P = t/(S_i + t),
 * and both sums of scan-huff.ts in one pass, Σ w_i·P (capture) and Σ third_i·P (cannibalisation,
 * third = w·O/S), written to `out`. ln and e^(−x) are wat-math.ts's series, at ~1e-14.
 */
import { arcSq, CONSTANTS, expNegSteps, lnSteps, load, mathLocals, slicesLoop } from './wat-math.ts';

export const HUFF_POWER_CANDIDATES = 'huff_power_candidates';

/** Series terms: ln's first omitted term (s ≤ 0.1716) < 1e-14 of ln m, e^(−r)'s (|r| ≤ ln2/2) < 1e-14. */
const LN_TERMS = 8;
const EXP_TERMS = 12;

/**
 * Pairs of points per step of the main loop, their statements interleaved: each pair's chain
 * (chord, ln with a division, e^(−x), a division) waits on itself, so the core overlaps two (as forecast-wat.ts).
 */
const INTERLEAVED = 2;
const SUFFIXES = Array.from({ length: INTERLEAVED }, (_, i) => (i === 0 ? '' : `_${i}`));
const SCRATCH = ['$dx', '$dy', '$dz', '$c2', '$dd', '$t', '$p'];
const LANE_MASK = '(v128.const i64x2 -1 0)';

/** The statements of one step over the pair at $o + `offset`, its scratch locals suffixed by `x`. */
function step(x = '', offset = 0, laneMask?: string): string[] {
  const get = (name: string) => `(local.get $${name}${x})`;
  const ln = lnSteps(`(f64x2.pmax (local.get $vfloor2) ${arcSq(get('c2'))})`, LN_TERMS, x);
  const decay = expNegSteps(`(f64x2.mul (local.get $vhalfBeta) ${get('dd')})`, EXP_TERMS, x);
  const inRange = `(f64x2.le ${get('c2')} (local.get $vlimit))`;
  return [
    `(local.set $dx${x} (f64x2.sub ${load('$x', offset)} (local.get $vqx)))`,
    `(local.set $dy${x} (f64x2.sub ${load('$y', offset)} (local.get $vqy)))`,
    `(local.set $dz${x} (f64x2.sub ${load('$z', offset)} (local.get $vqz)))`,
    `(local.set $c2${x} (f64x2.add (f64x2.add (f64x2.mul ${get('dx')} ${get('dx')}) (f64x2.mul ${get('dy')} ${get('dy')})) (f64x2.mul ${get('dz')} ${get('dz')})))`,
    ...ln.slice(0, -1),
    `(local.set $dd${x} ${ln[ln.length - 1]})`,
    ...decay.slice(0, -1),
    `(local.set $t${x} (f64x2.mul (local.get $va) ${decay[decay.length - 1]}))`,
    `(local.set $p${x} (v128.and (f64x2.div ${get('t')} (f64x2.add ${load('$s', offset)} ${get('t')})) ${laneMask ? `(v128.and ${inRange} ${laneMask})` : inRange}))`,
    `(local.set $acc0 (f64x2.add (local.get $acc0) (f64x2.mul ${load('$w', offset)} ${get('p')})))`,
    `(local.set $acc1 (f64x2.add (local.get $acc1) (f64x2.mul ${load('$third', offset)} ${get('p')})))`,
  ];
}

function groupSteps(): string {
  const steps = SUFFIXES.map((x, i) => step(x, 16 * i));
  return steps[0].flatMap((_, i) => steps.map((s) => s[i])).join('\n        ');
}

export function huffPowerWat(): string {
  const params = ['$ranges i32', '$count i32', '$x i32', '$y i32', '$z i32', '$w i32', '$s i32', '$third i32', '$out i32',
    '$qx f64', '$qy f64', '$qz f64', '$limit f64', '$floor2 f64', '$a f64', '$halfBeta f64'];
  const vectors = ['$vqx', '$vqy', '$vqz', '$vlimit', '$vfloor2', '$va', '$vhalfBeta'];
  const single = step().join('\n        '), tail = step('', 0, LANE_MASK).join('\n        '), group = groupSteps();
  const body = single + tail + group;
  const constants = [...CONSTANTS].filter(([, local]) => body.includes(`(local.get ${local})`));
  const scratch = SUFFIXES.flatMap((x) => [...mathLocals(x), ...SCRATCH.map((v) => v + x)]);
  return `(func (export "${HUFF_POWER_CANDIDATES}") ${params.map((p) => `(param ${p})`).join(' ')}
    (local $r i32) (local $o i32) (local $end i32)
    ${[...constants.map(([, local]) => local), ...vectors, ...scratch, '$acc0', '$acc1'].map((v) => `(local ${v} v128)`).join(' ')}
    ${constants.map(([literal, local]) => `(local.set ${local} (f64x2.splat (f64.const ${literal})))`).join('\n    ')}
    ${vectors.map((v) => `(local.set ${v} (f64x2.splat (local.get $${v.slice(2)})))`).join('\n    ')}
    ${slicesLoop(single, tail, group, INTERLEAVED)}
    (f64.store (local.get $out) (f64.add (f64x2.extract_lane 0 (local.get $acc0)) (f64x2.extract_lane 1 (local.get $acc0))))
    (f64.store offset=8 (local.get $out) (f64.add (f64x2.extract_lane 0 (local.get $acc1)) (f64x2.extract_lane 1 (local.get $acc1)))))`;
}

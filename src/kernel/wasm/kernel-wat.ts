/**
 * The WebAssembly text of the SIMD scans (f64x2: two source points per step), built from one loop
 * skeleton and a body per scan so the four loops cannot drift apart. `npm run gen:wasm` assembles
 * it into kernel-wasm.ts; the runtime never needs an assembler.
 *
 * Every exported scan sums a masked per-source term over a list of [begin, end) index slices (the
 * circle-clipped grid ranges, see circle-ranges.ts) of sources stored as separate x, y, z unit-vector
 * columns, and returns the sum. The radius test is the same squared-chord test as the JS scans:
 * c² = |p − q|² ≤ limit. Each column must be followed by one spare slot: a slice of odd length ends
 * with a pair whose second lane is read but masked out.
 */
import { forecastWat } from './forecast-wat.ts';
import { huffPowerWat } from './huff-power-wat.ts';
import { transfersWat } from './transfers-wat.ts';
import { ARC, ARC_SQ, CONSTANTS, expNeg, expNegSteps, joinSteps, lnSteps, load, mathLocals, slicesLoop, splat } from './wat-math.ts';

/** max(d², floor²)^(−β/2) = e^(−(β/2)·ln m) for any β, by the series of wat-math.ts (~1e-14). */
const LN_M = lnSteps(`(f64x2.pmax (local.get $v_floor2) ${ARC_SQ})`, 8);
const POWER_DECAY = `(block (result v128) ${joinSteps([
  ...LN_M.slice(0, -1),
  `(local.set $dd ${LN_M[LN_M.length - 1]})`,
  ...expNegSteps('(f64x2.mul (local.get $v_halfBeta) (local.get $dd))', 12),
])})`;

interface Scan {
  name: string;
  /** Extra source columns (byte pointers) beyond x, y, z. */
  columns: string[];
  /** Extra f64 parameters, splatted into v128 locals of the same name with a `v` prefix. */
  scalars: string[];
  /** Statements before the term (may set the scratch locals), then the term: a v128 of two f64. */
  body: string;
}

const SCANS: Scan[] = [
  {
    name: 'sum_uniform', columns: ['$w'], scalars: [],
    body: load('$w'),
  },
  {
    name: 'sum_exponential', columns: ['$w'], scalars: ['$invLambda'],
    body: `(f64x2.mul ${load('$w')} (block (result v128) ${expNeg(`(f64x2.mul ${ARC} (local.get $v_invLambda))`)}))`,
  },
  {
    name: 'sum_gaussian', columns: ['$w'], scalars: ['$invTwoSigma2'],
    body: `(f64x2.mul ${load('$w')} (block (result v128) ${expNeg(`(f64x2.mul ${ARC_SQ} (local.get $v_invTwoSigma2))`)}))`,
  },
  {
    name: 'sum_linear', columns: ['$w'], scalars: ['$invRadius'],
    body: `(f64x2.mul ${load('$w')} (f64x2.sub ${splat(1)} (f64x2.mul ${ARC} (local.get $v_invRadius))))`,
  },
  {
    // Huff pressure, β = 2: a_k / max(d², floor²); also the power decay with β = 2
    name: 'pressure_inverse_square', columns: ['$w'], scalars: ['$floor2'],
    body: `(f64x2.div ${load('$w')} (f64x2.pmax (local.get $v_floor2) ${ARC_SQ}))`,
  },
  {
    // Huff pressure, any β: a_k · max(d², floor²)^(−β/2)
    name: 'pressure_power', columns: ['$w'], scalars: ['$floor2', '$halfBeta'],
    body: `(f64x2.mul ${load('$w')} ${POWER_DECAY})`,
  },
  {
    // Huff capture, β = 2: w_i·a / (a + S_i·max(d², floor²)); any other β: huff-power-wat.ts
    name: 'capture_inverse_square', columns: ['$w', '$s'], scalars: ['$floor2', '$a'],
    body: `(f64x2.div (f64x2.mul ${load('$w')} (local.get $v_a))
      (f64x2.add (local.get $v_a) (f64x2.mul ${load('$s')} (f64x2.pmax (local.get $v_floor2) ${ARC_SQ}))))`,
  },
];

/** One step: the term of sources k, k+1 (byte offset $o), masked by the radius test (and `laneMask`). */
function step(scan: Scan, laneMask?: string): string {
  const inRange = `(v128.and ${scan.body} (f64x2.le (local.get $c2) (local.get $vlimit)))`;
  return `(local.set $dx (f64x2.sub ${load('$x')} (local.get $vqx)))
        (local.set $dy (f64x2.sub ${load('$y')} (local.get $vqy)))
        (local.set $dz (f64x2.sub ${load('$z')} (local.get $vqz)))
        (local.set $c2 (f64x2.add (f64x2.add (f64x2.mul (local.get $dx) (local.get $dx)) (f64x2.mul (local.get $dy) (local.get $dy)))
          (f64x2.mul (local.get $dz) (local.get $dz))))
        (local.set $acc (f64x2.add (local.get $acc)
          ${laneMask ? `(v128.and ${inRange} ${laneMask})` : inRange}))`;
}

function scanFunction(scan: Scan): string {
  const params = ['$ranges i32', '$count i32', '$x i32', '$y i32', '$z i32', ...scan.columns.map((c) => `${c} i32`),
    '$qx f64', '$qy f64', '$qz f64', '$limit f64', ...scan.scalars.map((s) => `${s} f64`)];
  const vectors = ['$vqx', '$vqy', '$vqz', '$vlimit', ...scan.scalars.map((s) => `$v_${s.slice(1)}`)];
  const setVectors = vectors.map((v) => {
    const from = v.startsWith('$v_') ? `$${v.slice(3)}` : `$${v.slice(2)}`;
    return `(local.set ${v} (f64x2.splat (local.get ${from})))`;
  }).join('\n    ');
  const constants = [...CONSTANTS].filter(([, local]) => scan.body.includes(`(local.get ${local})`));
  return `(func (export "${scan.name}") ${params.map((p) => `(param ${p})`).join(' ')} (result f64)
    (local $r i32) (local $o i32) (local $end i32)
    ${[...constants.map(([, local]) => local), ...vectors].map((v) => `(local ${v} v128)`).join(' ')}
    (local $dx v128) (local $dy v128) (local $dz v128) (local $c2 v128) (local $acc v128) (local $dd v128)
    ${mathLocals().map((v) => `(local ${v} v128)`).join(' ')}
    ${constants.map(([literal, local]) => `(local.set ${local} (f64x2.splat (f64.const ${literal})))`).join('\n    ')}
    ${setVectors}
    ${slicesLoop(step(scan), step(scan, '(v128.const i64x2 -1 0)'))}
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))`;
}

export function kernelWat(): string {
  return `(module
  (memory (export "memory") 1)
  ${SCANS.map(scanFunction).join('\n  ')}
  ${forecastWat()}
  ${transfersWat()}
  ${huffPowerWat()})
`;
}

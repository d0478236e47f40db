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
import { EARTH_RADIUS_M } from '../../geo/haversine.ts';

const R2 = EARTH_RADIUS_M * EARTH_RADIUS_M;

/** A number as a WAT f64 literal that parses back to exactly the same double. */
function f64(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : x.toExponential(17).replace('e+', 'e');
}

/**
 * Every vector constant the scans use, by WAT literal: each becomes a local set once per call, so
 * the loops read a register (or a stack slot) instead of rebuilding the splat on every step.
 */
const CONSTANTS = new Map<string, string>();

function splat(x: number): string {
  const literal = f64(x);
  let local = CONSTANTS.get(literal);
  if (local === undefined) {
    local = `$k${CONSTANTS.size}`;
    CONSTANTS.set(literal, local);
  }
  return `(local.get ${local})`;
}

/**
 * Squared arc length in metres from c² ≤ SIMD_MAX_CHORD_SQ, d² = R²c² + R²c⁴/12 + R²c⁶/90 (the asin² series of
 * sphere.ts in c² rather than u = c²/4), grouped so that its dependency chain is two multiply–adds.
 */
const ARC_SQ = `(f64x2.add (f64x2.mul (local.get $c2) ${splat(R2)})
  (f64x2.mul (f64x2.mul (local.get $c2) (local.get $c2)) (f64x2.add ${splat(R2 / 12)} (f64x2.mul (local.get $c2) ${splat(R2 / 90)}))))`;

/** Arc length in metres from c², d = R·c·(1 + c²/24 + 3c⁴/640) (asin series). */
const ARC = `(f64x2.mul (f64x2.mul ${splat(EARTH_RADIUS_M)} (f64x2.sqrt (local.get $c2)))
  (f64x2.add (f64x2.add ${splat(1)} (f64x2.mul (local.get $c2) ${splat(1 / 24)}))
    (f64x2.mul (f64x2.mul (local.get $c2) (local.get $c2)) ${splat(3 / 640)})))`;

/**
 * e^(−x) for x ≥ 0: x = n·ln2 + r with |r| ≤ ln2/2, e^(−x) = 2^(−n)·e^(−r), e^(−r) by 13 terms of its
 * series (first omitted term < 2e-16 relative). Beyond x = 700 (e^−700 ≈ 1e-304, where 2^(−n)
 * would stop being a normal double) the term is 0.
 */
function expNeg(x: string): string {
  // Cody–Waite: −r = (n·LN2_HI − x) + n·LN2_LO, the first difference exact.
  return `(local.set $ex ${x})
    (local.set $et (f64x2.add (f64x2.mul (f64x2.pmin ${splat(700)} (local.get $ex)) ${splat(Math.LOG2E)}) ${splat(ROUNDER)}))
    (local.set $en (f64x2.sub (local.get $et) ${splat(ROUNDER)}))
    (local.set $ey (f64x2.add (f64x2.sub (f64x2.mul (local.get $en) ${splat(LN2_HI)}) (local.get $ex)) (f64x2.mul (local.get $en) ${splat(LN2_LO)})))
    (local.set $ey2 (f64x2.mul (local.get $ey) (local.get $ey)))
    (local.set $ey4 (f64x2.mul (local.get $ey2) (local.get $ey2)))
    (v128.and (f64x2.le (local.get $ex) ${splat(700)})
      (f64x2.mul ${estrin(Array.from({ length: 13 }, (_, k) => 1 / factorial(k)))}
        (i64x2.shl (i64x2.sub (v128.const i64x2 1023 1023) (i64x2.sub (local.get $et) ${splat(ROUNDER)})) (i32.const 52))))`;
}

/**
 * Σ a_k·y^k in Estrin's form (pairs, then pairs of pairs: y, y², y⁴, y⁸): a dependency chain of
 * four multiply–adds instead of Horner's twelve, so consecutive steps overlap in the pipeline.
 * Expects $ey, $ey2 = y², $ey4 = y⁴ set.
 */
function estrin(a: number[]): string {
  const powers = ['(local.get $ey)', '(local.get $ey2)', '(local.get $ey4)', '(f64x2.mul (local.get $ey4) (local.get $ey4))'];
  let terms = a.map((c) => splat(c));
  for (let level = 0; terms.length > 1; level++) {
    const next: string[] = [];
    for (let i = 0; i < terms.length; i += 2) {
      next.push(i + 1 < terms.length ? `(f64x2.add ${terms[i]} (f64x2.mul ${terms[i + 1]} ${powers[level]}))` : terms[i]);
    }
    terms = next;
  }
  return terms[0];
}

/**
 * 1.5·2^52: adding it to |t| < 2^51 rounds t to an integer n (round to nearest even) and leaves n in
 * the low bits of the sum, so n as an integer is one i64 subtraction away: no rounding or
 * conversion instruction (both are slow sequences in V8's SIMD on x64).
 */
const ROUNDER = 1.5 * 2 ** 52;

/** ln 2 split so that n·LN2_HI is exact for every n the clamp allows (LN2_HI has 32 significant bits). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

const load = (column: string) => `(v128.load (i32.add (local.get ${column}) (local.get $o)))`;

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
    // Huff capture, β = 2: w_i·a / (a + S_i·max(d², floor²))
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
    (local $dx v128) (local $dy v128) (local $dz v128) (local $c2 v128) (local $acc v128)
    (local $ex v128) (local $en v128) (local $ey v128) (local $ey2 v128) (local $ey4 v128) (local $et v128)
    ${constants.map(([literal, local]) => `(local.set ${local} (f64x2.splat (f64.const ${literal})))`).join('\n    ')}
    ${setVectors}
    (local.set $r (local.get $ranges))
    (local.set $count (i32.add (local.get $ranges) (i32.shl (local.get $count) (i32.const 3))))
    (block $slices_done (loop $slices
      (br_if $slices_done (i32.ge_u (local.get $r) (local.get $count)))
      (local.set $o (i32.shl (i32.load (local.get $r)) (i32.const 3)))
      (local.set $end (i32.shl (i32.load offset=4 (local.get $r)) (i32.const 3)))
      (block $pairs_done (loop $pairs
        (br_if $pairs_done (i32.gt_s (i32.add (local.get $o) (i32.const 16)) (local.get $end)))
        ${step(scan)}
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
      (if (i32.lt_s (local.get $o) (local.get $end)) (then
        ${step(scan, '(v128.const i64x2 -1 0)')}))
      (local.set $r (i32.add (local.get $r) (i32.const 8)))
      (br $slices)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))`;
}

export function kernelWat(): string {
  return `(module
  (memory (export "memory") 1)
  ${SCANS.map(scanFunction).join('\n  ')})
`;
}

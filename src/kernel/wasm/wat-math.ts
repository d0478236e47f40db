/**
 * The pieces the WebAssembly text of the scans is built from (f64x2 expressions as WAT strings):
 * vector constants hoisted into locals, the arc length from the squared chord, e^(−x) and ln x.
 * Conventions: the squared unit chord is in local $c2; e^(−x) and ln use the scratch locals
 * $ex $en $et $ey $ey2 $ey4 (declared by every function, see kernel-wat.ts).
 */
import { EARTH_RADIUS_M } from '../../geo/haversine.ts';

const R2 = EARTH_RADIUS_M * EARTH_RADIUS_M;

/** A number as a WAT f64 literal that parses back to exactly the same double. */
export function f64(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : x.toExponential(17).replace('e+', 'e');
}

/**
 * Every vector constant the scans use, by WAT literal: each becomes a local set once per call, so
 * the loops read a register (or a stack slot) instead of rebuilding the splat on every step.
 */
export const CONSTANTS = new Map<string, string>();

export function splat(x: number): string {
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
export function arcSq(c2 = '(local.get $c2)'): string {
  return `(f64x2.add (f64x2.mul ${c2} ${splat(R2)})
  (f64x2.mul (f64x2.mul ${c2} ${c2}) (f64x2.add ${splat(R2 / 12)} (f64x2.mul ${c2} ${splat(R2 / 90)}))))`;
}

export const ARC_SQ = arcSq();

/** Arc length in metres from c², d = R·c·(1 + c²/24 + 3c⁴/640) (asin series). */
export const ARC = `(f64x2.mul (f64x2.mul ${splat(EARTH_RADIUS_M)} (f64x2.sqrt (local.get $c2)))
  (f64x2.add (f64x2.add ${splat(1)} (f64x2.mul (local.get $c2) ${splat(1 / 24)}))
    (f64x2.mul (f64x2.mul (local.get $c2) (local.get $c2)) ${splat(3 / 640)})))`;

/**
 * e^(−x) for x ≥ 0: x = n·ln2 + r with |r| ≤ ln2/2, e^(−x) = 2^(−n)·e^(−r), e^(−r) by 13 terms of its
 * series (first omitted term < 2e-16 relative). Beyond x = 700 (e^−700 ≈ 1e-304, where 2^(−n)
 * would stop being a normal double) the term is 0.
 */
export function expNeg(x: string, terms = 13): string {
  return joinSteps(expNegSteps(x, terms));
}

/**
 * expNeg as a list of statements, the last one its value; `s` suffixes the scratch locals, so that
 * two independent evaluations can be interleaved statement by statement.
 */
export function expNegSteps(x: string, terms: number, s = ''): string[] {
  // Cody–Waite: −r = (n·LN2_HI − x) + n·LN2_LO, the first difference exact.
  return [`(local.set $ex${s} ${x})`,
    `(local.set $et${s} (f64x2.add (f64x2.mul (f64x2.pmin ${splat(700)} (local.get $ex${s})) ${splat(Math.LOG2E)}) ${splat(ROUNDER)}))`,
    `(local.set $en${s} (f64x2.sub (local.get $et${s}) ${splat(ROUNDER)}))`,
    `(local.set $ey${s} (f64x2.add (f64x2.sub (f64x2.mul (local.get $en${s}) ${splat(LN2_HI)}) (local.get $ex${s})) (f64x2.mul (local.get $en${s}) ${splat(LN2_LO)})))`,
    `(local.set $ey2${s} (f64x2.mul (local.get $ey${s}) (local.get $ey${s})))`,
    `(local.set $ey4${s} (f64x2.mul (local.get $ey2${s}) (local.get $ey2${s})))`,
    `(v128.and (f64x2.le (local.get $ex${s}) ${splat(700)})
      (f64x2.mul ${estrin(Array.from({ length: terms }, (_, k) => 1 / factorial(k)), s)}
        (i64x2.shl (i64x2.sub (v128.const i64x2 1023 1023) (i64x2.sub (local.get $et${s}) ${splat(ROUNDER)})) (i32.const 52))))`];
}

/** Statements, then the value: one WAT sequence. */
export function joinSteps(steps: string[]): string {
  return steps.join('\n    ');
}

/**
 * Σ a_k·y^k in Estrin's form (pairs, then pairs of pairs: y, y², y⁴, y⁸): a dependency chain of
 * four multiply–adds instead of Horner's twelve, so consecutive steps overlap in the pipeline.
 * Expects $ey, $ey2 = y², $ey4 = y⁴ set (with the suffix `s`).
 */
export function estrin(a: number[], s = ''): string {
  const powers = [`(local.get $ey${s})`, `(local.get $ey2${s})`, `(local.get $ey4${s})`, `(f64x2.mul (local.get $ey4${s}) (local.get $ey4${s}))`];
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
export const ROUNDER = 1.5 * 2 ** 52;

/** ln 2 split so that n·LN2_HI is exact for every n the clamp allows (LN2_HI has 32 significant bits). */
export const LN2_HI = 6.93147180369123816490e-1;
export const LN2_LO = 1.90821492927058770002e-10;

export function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/** Two values of a column at byte offset $o (+ `offset`). */
export const load = (column: string, offset = 0) => `(v128.load${offset ? ` offset=${offset}` : ''} (i32.add (local.get ${column}) (local.get $o)))`;

/**
 * ln x for positive normal x: x = 2^e·m with m in [√½, √2), ln m = 2·atanh(s), s = (m − 1)/(m + 1),
 * |s| ≤ 0.1716, by `terms` terms of Σ s^(2k+1)/(2k+1) (11: the first omitted < 1e-18 relative). The exponent
 * becomes a double without a conversion instruction: its integer ORed into the bits of 2^52.
 * As statements, the last one its value (see expNegSteps); uses $lx $lm $lk $le $ls besides estrin's locals.
 */
export function lnSteps(x: string, terms: number, s = ''): string[] {
  return [`(local.set $lx${s} ${x})`,
    `(local.set $lm${s} (v128.or (v128.and (local.get $lx${s}) (v128.const i64x2 0x000FFFFFFFFFFFFF 0x000FFFFFFFFFFFFF)) ${splat(1)}))`,
    `(local.set $lk${s} (f64x2.gt (local.get $lm${s}) ${splat(Math.SQRT2)}))`,
    `(local.set $lm${s} (f64x2.mul (local.get $lm${s}) (v128.bitselect ${splat(0.5)} ${splat(1)} (local.get $lk${s}))))`,
    `(local.set $le${s} (f64x2.sub (v128.or (i64x2.sub (i64x2.shr_u (local.get $lx${s}) (i32.const 52)) (local.get $lk${s})) ${splat(2 ** 52)}) ${splat(2 ** 52 + 1023)}))`,
    `(local.set $ls${s} (f64x2.div (f64x2.sub (local.get $lm${s}) ${splat(1)}) (f64x2.add (local.get $lm${s}) ${splat(1)})))`,
    `(local.set $ey${s} (f64x2.mul (local.get $ls${s}) (local.get $ls${s})))`,
    `(local.set $ey2${s} (f64x2.mul (local.get $ey${s}) (local.get $ey${s})))`,
    `(local.set $ey4${s} (f64x2.mul (local.get $ey2${s}) (local.get $ey2${s})))`,
    `(f64x2.add (f64x2.mul (local.get $le${s}) ${splat(LN2_HI)})
      (f64x2.add (f64x2.mul (local.get $le${s}) ${splat(LN2_LO)})
        (f64x2.mul (f64x2.add (local.get $ls${s}) (local.get $ls${s})) ${estrin(Array.from({ length: terms }, (_, k) => 1 / (2 * k + 1)), s)})))`];
}

/** The scratch locals e^(−x) and ln need (with the suffix `s`), declared once per function. */
export function mathLocals(s = ''): string[] {
  return ['$ex', '$en', '$et', '$ey', '$ey2', '$ey4', '$lx', '$lm', '$lk', '$le', '$ls'].map((name) => name + s);
}

/**
 * The loop over the [begin, end) slices at $ranges ($count of them): `step` for each pair of points
 * at byte offset $o, then `tail` for a lone last point (its second lane must be masked out). With
 * `group` (`groupPairs` pairs from $o on), that runs first while so many pairs remain.
 * Needs i32 locals $r $o $end.
 */
export function slicesLoop(step: string, tail: string, group?: string, groupPairs = 2): string {
  const pairs = (body: string, bytes: number, label: string) => `(block $${label}_done (loop $${label}
        (br_if $${label}_done (i32.gt_s (i32.add (local.get $o) (i32.const ${bytes})) (local.get $end)))
        ${body}
        (local.set $o (i32.add (local.get $o) (i32.const ${bytes})))
        (br $${label})))`;
  return `(local.set $r (local.get $ranges))
    (local.set $count (i32.add (local.get $ranges) (i32.shl (local.get $count) (i32.const 3))))
    (block $slices_done (loop $slices
      (br_if $slices_done (i32.ge_u (local.get $r) (local.get $count)))
      (local.set $o (i32.shl (i32.load (local.get $r)) (i32.const 3)))
      (local.set $end (i32.shl (i32.load offset=4 (local.get $r)) (i32.const 3)))
      ${group ? pairs(group, 16 * groupPairs, 'groups') : ''}
      ${pairs(step, 16, 'pairs')}
      (if (i32.lt_s (local.get $o) (local.get $end)) (then
        ${tail}))
      (local.set $r (i32.add (local.get $r) (i32.const 8)))
      (br $slices)))`;
}

/**
 * Largest squared unit chord the SIMD scans accept (an arc of ~38 km): up to it the three-term
 * series of kernel-wat.ts are exact to double precision (the first omitted terms, 4u³/35 of asin²
 * and 5u³/112 of asin/x with u = c²/4, stay under 1e-16). Longer radii take the JS scans.
 */
export const SIMD_MAX_CHORD_SQ = 3.6e-5;

/**
 * How the report writes numbers. Exported so a test can format an expected value exactly as the
 * report's tables do.
 */
import { formatNumber } from '../format/number.ts';

/** A score (0–100) with one decimal, as everywhere a score is shown. */
export function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(1) : '';
}

/** A normalised value (0–1) with three decimals. */
export function formatNormalised(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : '';
}

/** Raw criterion values and counts: digit groups, decimals by magnitude (as in notebooks). */
export function formatRaw(v: number): string {
  return formatNumber(v);
}

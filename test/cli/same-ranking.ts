/** The score command's output rows against the JS core's in-memory result (scoreSites). */
import { expect } from 'vitest';
import type { LevelResult } from '../../src/score/types.ts';

/** The same ids in the same order, the same ranks and kept flags, scores equal to the printed decimals. */
export function expectSameRanking(cli: Record<string, string>[], api: Pick<LevelResult, 'ids' | 'rank' | 'score' | 'kept'>): void {
  const order = Array.from(api.rank.keys()).sort((a, b) => api.rank[a] - api.rank[b]);
  expect(cli).toHaveLength(api.ids.length);
  const firstDiff = cli.findIndex((row, k) => row.id !== api.ids[order[k]]);
  expect(firstDiff, firstDiff >= 0 ? JSON.stringify([cli[firstDiff], cli[firstDiff + 1], api.score[order[firstDiff]], api.score[order[firstDiff + 1]], api.ids[order[firstDiff]]]) : '').toBe(-1);
  cli.forEach((row, k) => {
    const i = order[k];
    expect(Number(row.rank)).toBe(api.rank[i]);
    expect(Math.abs(Number(row.score) - api.score[i])).toBeLessThanOrEqual(5e-5 * Math.max(1, api.score[i]));
    expect(Number(row.kept)).toBe(api.kept[i]);
  });
  expect(cli.filter((row) => row.kept === '1').length).toBeGreaterThan(10);
}

/**
 * A --memory-limit too small for the run: DuckDB's own out-of-memory text (a page of advice and a
 * stack trace) became one sentence naming the limit and the flag that fixes it, exit 2, no output.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runScore } from './run-score.ts';

const sample = new URL('../../data/sample', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'score-memory-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

it('DuckDB out of memory under a 4MB limit: one sentence naming the limit and the fix, exit 2', async () => {
  const out = join(temp, 'scores.csv');
  const run = await runScore(temp, '--bundle', sample, '--out', out, '--memory-limit', '4MB', '--quiet');
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe('siteselect score: DuckDB ran out of memory within --memory-limit 4MB while scoring 1980 sites; raise it, e.g. --memory-limit 2GB');
  expect(existsSync(out)).toBe(false);
}, 120_000);

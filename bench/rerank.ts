/**
 * Re-weighting benchmark (DESIGN §10: re-rank 100 k scored sites within one animation frame, 16 ms).
 * Scores a 100 k-site level with 9 criteria once in DuckDB (`build`), then times rerank() with fresh weights each run.
 * Usage: npm run bench:rerank [-- --sites 100000 --runs 50]
 */
import { openDatabase } from '../src/node/open-database.ts';
import { scoreLevel, type RawCriterion } from '../src/score/score-level.ts';
import { rerank } from '../src/score/rerank.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const n = arg('sites', 100_000);
const runs = arg('runs', 50);
let seed = 12345;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

const criteria: RawCriterion[] = Array.from({ length: 9 }, (_, k) => ({
  name: `c${k}`,
  label: `criterion ${k}`,
  weight: 1,
  // some criteria with many ties (integer counts), as real counts have
  raw: Float64Array.from({ length: n }, () => (k % 3 === 0 ? Math.floor(random() * 20) : random() * 1000)),
  normalise: k === 4 ? 'percentile' : 'minmax',
  direction: k % 2 ? 'lower' : 'higher',
}));
const ids = Array.from({ length: n }, (_, i) => `S${String((i * 7919) % n).padStart(6, '0')}`);
// the level is scored once in DuckDB (native), as the funnel scores it; the re-ranks are JS
const db = await openDatabase();
let t0 = performance.now();
let level = await scoreLevel(db, { level: 'site', ids, names: ids, parent: new Int32Array(n).fill(-1), criteria, combine: 'sum', keepRule: { topK: 20 } });
const build = performance.now() - t0;
await db.close();

// Wall time and this process's CPU time: on a shared machine the wall clock also counts time
// spent waiting for a core, which the CPU time leaves out.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const wall: number[] = [];
const cpu: number[] = [];
for (let r = 0; r < runs + 5; r++) {
  const weights = Object.fromEntries(criteria.map((c) => [c.name, random() * 5]));
  const c0 = cpuMs();
  t0 = performance.now();
  level = rerank(level, weights);
  if (r < 5) continue; // the first runs warm the JIT
  wall.push(performance.now() - t0);
  cpu.push(cpuMs() - c0);
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(2);
console.log(`rerank: ${n} sites × ${criteria.length} criteria, ${runs} runs (after 5 warm-up)`);
console.log(`  first build in DuckDB (normalise + combine + rank + keep, read back): ${build.toFixed(1)} ms`);
console.log(`  wall: median ${pct(wall, 0.5)} ms, p90 ${pct(wall, 0.9)} ms (goal ≤ 16 ms)`);
console.log(`  cpu:  median ${pct(cpu, 0.5)} ms, p90 ${pct(cpu, 0.9)} ms`);

/**
 * `npm run bench:cli-start [-- --runs N]`: how long `siteselect` takes to start, from the compiled
 * package (dist/, built first when missing) and, for comparison, from the sources through tsx.
 * Each case runs N times; prints the median and best wall time and the median CPU time of the child
 * (user + system, from bash's `times`), with the machine's load average, since the figures are
 * CPU figures on a shared machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 10;

if (!existsSync(join(repo, 'dist', 'cli', 'bin.js'))) {
  const built = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

const compiled = ['node', join(repo, 'dist', 'cli', 'bin.js')];
const sources = ['node', join(repo, 'bin', 'siteselect.mjs')];
const CASES: [string, string[]][] = [
  ['siteselect --help (dist)', [...compiled, '--help']],
  ['siteselect validate --help (dist)', [...compiled, 'validate', '--help']],
  ['siteselect score --help (dist)', [...compiled, 'score', '--help']],
  ['siteselect report --help (dist)', [...compiled, 'report', '--help']],
  ['siteselect optimize --help (dist)', [...compiled, 'optimize', '--help']],
  ['siteselect notebook --help (dist)', [...compiled, 'notebook', '--help']],
  ['siteselect --help (sources, tsx)', [...sources, '--help']],
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** One run: wall seconds measured here, CPU seconds of the child from bash's `times` (its second line). */
function once(argv: string[]): { wall: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', `${argv.map(quote).join(' ')} >/dev/null; times`], { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  const children = r.stdout.trim().split('\n')[1] ?? '';
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
  return { wall, cpu };
}

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${runs} runs each`);
for (const [name, argv] of CASES) {
  const samples = Array.from({ length: runs }, () => once(argv));
  const walls = samples.map((s) => s.wall);
  console.log(`${name.padEnd(36)} median ${median(walls).toFixed(3)} s  best ${Math.min(...walls).toFixed(3)} s  CPU ${median(samples.map((s) => s.cpu)).toFixed(3)} s`);
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

/**
 * Batch-scoring benchmark (DESIGN §10: one million candidate rows with coordinates scored in under a
 * minute on 2 cores). Writes N seeded candidate rows (id, lon, lat, rent, floor_area) inside the
 * sample city's extent to a temporary CSV, then runs `siteselect score --bundle data/sample` on it
 * in a child process and reports that process's wall time, CPU time (user + system: the machine
 * may be shared) and peak memory (process.resourceUsage().maxRSS).
 * Every run takes the one scoring path (JS reader, kernel in chunks, DuckDB for normalising,
 * ranking, keeping and writing); --memory-limit is DuckDB's limit (several, comma-separated, give
 * one run each). --text-bytes N adds a 'notes' text column of N characters a row.
 * --input parquet converts the generated CSV to Parquet first (DuckDB COPY, its default row groups of
 * 122 880 rows) and scores that. The child runs under /usr/bin/time -v where it exists, with node's
 * default heap, as a user runs it; its "Maximum resident set size" is the peak reported.
 * Usage: npm run bench:score [-- --rows 1000000,4000000 --input csv|parquet --threads 2 --format csv --memory-limit 1GB,256MB --text-bytes 0]
 */
import { spawnSync } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** CPU seconds of the main thread so far (Linux: /proc; fields 14 and 15 of its stat, in ticks of 1/100 s). */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** A step of the run as it ended: wall, main-thread and process CPU seconds since the run began, RSS then. */
interface Step {
  step: string;
  wall: number;
  mainCpu: number;
  cpu: number;
  rssMB: number;
}

async function child(): Promise<void> {
  const { main } = await import('../src/cli/main.ts');
  const { SCORE_STEP_CHANNEL } = await import('../src/node/score/score-steps.ts');
  const t0 = performance.now();
  const main0 = mainThreadCpu();
  const cpu0 = process.cpuUsage();
  const steps: Step[] = [];
  subscribe(SCORE_STEP_CHANNEL, (step) => {
    const cpu = process.cpuUsage(cpu0);
    steps.push({ step: String(step), wall: (performance.now() - t0) / 1000, mainCpu: mainThreadCpu() - main0, cpu: (cpu.user + cpu.system) / 1e6, rssMB: process.memoryUsage.rss() / 2 ** 20 });
  });
  let stdout = '';
  const code = await main(process.argv.slice(process.argv.indexOf('--child') + 1), {
    stdout: (t) => { stdout += t; }, stderr: (t) => process.stderr.write(t), stderrIsTTY: false, cwd: process.cwd(),
  });
  const wall = (performance.now() - t0) / 1000;
  const u = process.resourceUsage();
  process.stdout.write(JSON.stringify({ code, wall, userCpu: u.userCPUTime / 1e6, systemCpu: u.systemCPUTime / 1e6, maxRssMB: u.maxRSS / 1024, mainCpu: mainThreadCpu() - main0, steps, summary: JSON.parse(stdout || 'null') }) + '\n');
}

async function writeCandidates(file: string, rows: number, textBytes: number): Promise<void> {
  // inside the sample city's regions' bounding box (113.925–114.185 E, 22.475–22.715 N)
  let seed = 20261128;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const out = createWriteStream(file);
  let block = `id,lon,lat,rent,floor_area${textBytes > 0 ? ',notes' : ''}\n`;
  const words = 'branch corner lease parking frontage footfall transit storey access '.repeat(Math.ceil(textBytes / 60) + 1);
  for (let i = 0; i < rows; i++) {
    const notes = textBytes > 0 ? `,${words.slice(i % 60, (i % 60) + textBytes)}` : '';
    block += `B${i},${(113.93 + random() * 0.25).toFixed(6)},${(22.48 + random() * 0.23).toFixed(6)},${Math.round(5000 + random() * 40000)},${Math.round(60 + random() * 200)}${notes}\n`;
    if (block.length > 1 << 20) {
      if (!out.write(block)) await once(out, 'drain');
      block = '';
    }
  }
  out.end(block);
  await once(out, 'finish');
}

interface Measured {
  code: number;
  wall: number;
  userCpu: number;
  systemCpu: number;
  maxRssMB: number;
  mainCpu: number;
  steps: Step[];
  summary: { read: number; scored: number; rejected: number; out: string };
}

const TIME = '/usr/bin/time';

function scoreOnce(file: string, dir: string, threads: string, format: string, memoryLimit: string): Measured & { outer: number; timeRssMB?: number } {
  const t0 = performance.now();
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', 'score', '--bundle', join(repo, 'data', 'sample'),
    '--candidates', file, '--out', join(dir, `scores.${format}`), '--threads', threads, '--json', '--quiet', '--memory-limit', memoryLimit];
  const timed = existsSync(TIME);
  const r = timed
    ? spawnSync(TIME, ['-v', process.execPath, ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
  const outer = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`score exited ${r.status}: ${r.stderr}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  return { ...(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Measured), outer, ...(kb ? { timeRssMB: Number(kb) / 1024 } : {}) };
}

/** The CSV as Parquet (DuckDB's COPY, default row groups), beside it. */
async function toParquet(csv: string): Promise<string> {
  const { openNativeDatabase } = await import('../src/node/duckdb-native.ts');
  const db = await openNativeDatabase();
  const out = csv.replace(/\.csv$/, '.parquet');
  try {
    await db.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${out}' (FORMAT parquet)`);
  } finally {
    await db.close();
  }
  return out;
}

async function parent(): Promise<void> {
  const counts = arg('rows', '1000000').split(',').map(Number);
  const threads = arg('threads', '2');
  const format = arg('format', 'csv');
  const limits = arg('memory-limit', '1GB').split(',');
  const textBytes = Number(arg('text-bytes', '0'));
  const input = arg('input', 'csv');
  const dir = mkdtempSync(join(tmpdir(), 'bench-score-'));
  try {
    for (const rows of counts) {
      const file = join(dir, 'candidates.csv');
      const t0 = performance.now();
      await writeCandidates(file, rows, textBytes);
      const scored = input === 'parquet' ? await toParquet(file) : file;
      const mb = statSync(scored).size / 1e6;
      console.log(`wrote ${rows.toLocaleString('en')} rows (${input}, ${mb.toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      for (const limit of limits) {
        const load = loadavg()[0];
        const m = scoreOnce(scored, dir, threads, format, limit);
        console.log(`siteselect score, ${rows.toLocaleString('en')} rows (${input} in), ${threads} kernel threads, ${format} out, DuckDB memory_limit ${limit}; load average ${load.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`);
        console.log(`  wall ${m.wall.toFixed(1)} s in main() (${m.outer.toFixed(1)} s with process start)  goal for 10 M rows: ≤ 240 s wall at idle, peak RSS ≤ 1.5 GB (issue 13)`);
        console.log(`  CPU  user ${m.userCpu.toFixed(1)} s + system ${m.systemCpu.toFixed(1)} s (all threads of the process)`);
        console.log(`  main thread ${m.mainCpu.toFixed(1)} s CPU; per step (wall / main-thread CPU / process CPU, RSS at its end):`);
        let last = { wall: 0, mainCpu: 0, cpu: 0 };
        for (const s of m.steps) {
          console.log(`    ${s.step.padEnd(22)} ${(s.wall - last.wall).toFixed(1).padStart(6)} s / ${(s.mainCpu - last.mainCpu).toFixed(1).padStart(6)} s / ${(s.cpu - last.cpu).toFixed(1).padStart(6)} s, ${s.rssMB.toFixed(0)} MB`);
          last = s;
        }
        console.log(`  peak RSS ${m.maxRssMB.toFixed(0)} MB${m.timeRssMB !== undefined ? ` (/usr/bin/time -v: ${m.timeRssMB.toFixed(0)} MB)` : ''} (the file: ${mb.toFixed(0)} MB)`);
        console.log(`  read ${m.summary.read}, scored ${m.summary.scored}, rejected ${m.summary.rejected}, output ${(statSync(m.summary.out).size / 1e6).toFixed(0)} MB`);
      }
      rmSync(file);
      if (scored !== file) rmSync(scored);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await (process.argv.includes('--child') ? child() : parent());

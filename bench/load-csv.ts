/**
 * How long a 1 M-row demand CSV takes to load (decode, parse, validate, type): `node --import tsx
 * bench/load-csv.ts [rows]`. The rows are generated (seeded) in memory, so nothing is written.
 */
import { loadLayerFile } from '../src/data/load-layer-file.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
let seed = 42;
const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const parts: string[] = ['id,lon,lat,population,households,name'];
for (let i = 0; i < rows; i++) {
  parts.push(`d${i},${(116 + rand()).toFixed(6)},${(39.5 + rand()).toFixed(6)},${Math.floor(rand() * 500)},${Math.floor(rand() * 200)},cell ${i}`);
}
const bytes = new TextEncoder().encode(parts.join('\n') + '\n');
console.log(`${rows} rows, ${(bytes.length / 1e6).toFixed(1)} MB`);
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { report } = await loadLayerFile('demand.csv', bytes, { layer: 'demand', file: 'demand.csv' });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  // CPU time is the steadier figure on a shared machine; wall time includes waiting for a core.
  console.log(`run ${run + 1}: wall ${ms.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, loaded ${report.loaded}, rejected ${report.rejected}`);
}

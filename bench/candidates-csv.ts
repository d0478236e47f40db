/** The generated candidate CSV the drop benches read (bench/drop-csv.ts in the page, bench/drop-memory-node.ts in Node). */
import { createWriteStream } from 'node:fs';
import { mulberry32 } from '../src/sensitivity/random.ts';

/** Candidates spread over the sample city's extent, with rent and floor area. */
export async function writeCandidates(path: string, rows: number): Promise<void> {
  const random = mulberry32(13);
  const out = createWriteStream(path);
  out.write('id,lon,lat,rent,floor_area\n');
  for (let start = 0; start < rows; start += 100_000) {
    let chunk = '';
    for (let i = start; i < Math.min(rows, start + 100_000); i++) {
      chunk += `C${i},${(113.95 + random() * 0.3).toFixed(6)},${(22.5 + random() * 0.2).toFixed(6)},${Math.round(5000 + random() * 60000)},${Math.round(40 + random() * 200)}\n`;
    }
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

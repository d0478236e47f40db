/**
 * Writes the synthetic sample city to data/sample/ (or the folder given as the first argument).
 * Usage: npm run gen:sample [-- <out-dir>] [--seed N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_SEED, generateSampleCity } from './sample/generate.ts';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : DEFAULT_SEED;
if (!Number.isInteger(seed)) {
  console.error(`gen-sample: --seed must be an integer, got ${args[seedAt + 1]}`);
  process.exit(2);
}
const positional = seedAt >= 0 ? args.filter((_, i) => i !== seedAt && i !== seedAt + 1) : args;
const outDir = resolve(positional[0] ?? join(import.meta.dirname, '..', 'data', 'sample'));

const city = generateSampleCity(seed);
mkdirSync(outDir, { recursive: true });
let bytes = 0;
for (const [name, text] of city.files) {
  writeFileSync(join(outDir, name), text);
  bytes += Buffer.byteLength(text);
}
console.log(`sample city (seed ${seed}) → ${outDir}: ${city.files.size} files, ${(bytes / 1e6).toFixed(2)} MB`);
console.log(JSON.stringify(city.counts));

/**
 * Issue 19: a seeded, time-bounded fuzz of the loaders. Small valid layers (CSV points, a WKT CSV,
 * GeoJSON points and polygons) are mutated a few hundred times — bytes cut, repeated, replaced by
 * quotes, separators, line breaks, brackets, odd numbers, invisible characters — and each result
 * is loaded. The contract of DESIGN §2: either a report where every record is loaded or rejected
 * (loaded + rejected = read, each reject's row within 1..read and none twice) or one whole-file
 * BundleError; never any other exception, never a hang. A failure prints the seed and the case.
 */
import { describe, expect, it } from 'vitest';
import type { LayerEntry } from '../../src/data/bundle-manifest.ts';
import { BundleError } from '../../src/errors.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { seededRandom } from '../geo/seeded-random.ts';

const SEED = 19;
const MAX_CASES = 400;
/** Wall-clock budget: on a loaded 2-core machine the cases may not all run; the seed keeps them in order. */
const BUDGET_MS = 6_000;

const points = (n: number): string[] => Array.from({ length: n }, (_, i) => `p${i},${(114 + i * 0.01).toFixed(4)},${(22.5 + i * 0.005).toFixed(4)}`);
const square = (x: number, y: number): number[][] => [[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]];

const BASES: { file: string; entry: LayerEntry; text: string }[] = [
  {
    file: 'shops.csv',
    entry: { layer: 'pois', file: 'shops.csv' },
    text: ['id,lon,lat,category,name,weight', ...points(12).map((p, i) => `${p},${i % 2 ? 'bank' : 'cafe'},"Shop ${i}, corner",${i + 1}`)].join('\n') + '\n',
  },
  {
    file: 'competitors.tsv',
    entry: { layer: 'competitors', file: 'competitors.tsv' },
    text: ['id\tlon\tlat\tbrand\tattractiveness', ...points(10).map((p, i) => `${p.replaceAll(',', '\t')}\tB${i % 3}\t${i * 1.5}`)].join('\r\n') + '\r\n',
  },
  {
    file: 'sites.csv',
    entry: { layer: 'candidates', file: 'sites.csv' },
    text: ['id,wkt,rent', ...Array.from({ length: 8 }, (_, i) => `s${i},"POINT (${114 + i * 0.01} ${22.5 + i * 0.01})",${9000 + i}`)].join('\n') + '\n',
  },
  {
    file: 'pois.geojson',
    entry: { layer: 'pois', file: 'pois.geojson', columns: { category: { value: 'shop' } } },
    text: JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 8 }, (_, i) => ({ type: 'Feature', id: i, properties: { name: `n${i}`, tags: [i, { k: 'v' }] }, geometry: { type: 'Point', coordinates: [114 + i * 0.01, 22.5] } })),
    }),
  },
  {
    file: 'regions.geojson',
    entry: { layer: 'regions', file: 'regions.geojson' },
    text: JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 4 }, (_, i) => ({ type: 'Feature', properties: { id: `r${i}`, name: `R${i}`, population: 1000 * (i + 1) }, geometry: { type: 'Polygon', coordinates: [square(114 + i * 0.2, 22.5)] } })),
    }),
  },
];

const SNIPPETS = ['"', '""', ',', '\t', ';', '\n', '\r\n', '\r', '{', '}', '[', ']', ':', '-', 'e', '0x72', '1e308', '-1e309', 'NaN', 'Infinity', 'null', 'n/a', '\u200B', '\uFEFF', '\u0000', '=1+1', '中文', '\\', '"x",', '[[[[[[[[', ']]]]]]]]', 'POINT (', ')', '99999', '-181', '.'];

type Mutation = (text: string, rand: () => number) => string;
const at = (text: string, rand: () => number): number => Math.floor(rand() * (text.length + 1));
const pick = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)];
const MUTATIONS: Record<string, Mutation> = {
  insert: (t, r) => { const i = at(t, r); return t.slice(0, i) + pick(SNIPPETS, r) + t.slice(i); },
  replace: (t, r) => { const i = at(t, r); return t.slice(0, i) + pick(SNIPPETS, r) + t.slice(i + 1 + Math.floor(r() * 4)); },
  cut: (t, r) => { const i = at(t, r); return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 20)); },
  repeat: (t, r) => { const i = at(t, r); const j = Math.min(t.length, i + 1 + Math.floor(r() * 40)); return t.slice(0, j) + t.slice(i, j) + t.slice(j); },
  truncate: (t, r) => t.slice(0, at(t, r)),
  swapLines: (t, r) => { const lines = t.split('\n'); const a = Math.floor(r() * lines.length); const b = Math.floor(r() * lines.length); [lines[a], lines[b]] = [lines[b], lines[a]]; return lines.join('\n'); },
  deepNest: (t, r) => { const i = at(t, r); const n = 50 + Math.floor(r() * 300); return t.slice(0, i) + '['.repeat(n) + '1' + ']'.repeat(n) + t.slice(i); },
};

/** What a load may end in: a report that accounts for every record, or a whole-file BundleError. */
async function outcome(file: string, bytes: Uint8Array, entry: LayerEntry): Promise<string> {
  let report;
  try {
    ({ report } = await loadLayerFile(file, bytes, entry));
  } catch (err) {
    if (err instanceof BundleError) return 'whole-file error';
    throw err;
  }
  if (report.loaded + report.rejected !== report.read) throw new Error(`loaded ${report.loaded} + rejected ${report.rejected} ≠ read ${report.read}`);
  if (report.rejects.length !== report.rejected) throw new Error(`${report.rejects.length} rejects listed for ${report.rejected} rejected`);
  const rows = new Set(report.rejects.map((r) => r.row));
  if (rows.size !== report.rejects.length) throw new Error('a row rejected twice');
  for (const row of rows) if (!(row >= 1 && row <= report.read)) throw new Error(`reject row ${row} outside 1..${report.read}`);
  return 'loaded';
}

describe('fuzzed layers through the loaders', () => {
  it('every mutation loads with loaded + rejected = read, or is one whole-file error', async () => {
    const rand = seededRandom(SEED);
    const started = performance.now();
    const seen = { loaded: 0, 'whole-file error': 0 };
    let cases = 0;
    for (; cases < MAX_CASES && performance.now() - started < BUDGET_MS; cases++) {
      const base = BASES[cases % BASES.length];
      const steps = 1 + Math.floor(rand() * 3);
      let text = base.text;
      const applied: string[] = [];
      for (let s = 0; s < steps; s++) {
        const name = pick(Object.keys(MUTATIONS), rand);
        applied.push(name);
        text = MUTATIONS[name](text, rand);
      }
      const bytes = new TextEncoder().encode(text);
      try {
        seen[await outcome(base.file, bytes, base.entry) as keyof typeof seen]++;
      } catch (err) {
        throw new Error(`seed ${SEED}, case ${cases} (${base.file}; ${applied.join(', ')}): ${err instanceof Error ? err.message : String(err)}\n--- input ---\n${text.slice(0, 2000)}`, { cause: err });
      }
    }
    // The fuzz did something: enough cases, and both outcomes occurred.
    expect(cases).toBeGreaterThanOrEqual(100);
    expect(seen.loaded).toBeGreaterThan(0);
    expect(seen['whole-file error']).toBeGreaterThan(0);
  }, 30_000);
});

/**
 * The sample loads through the real bundle loader with no rejects, except the 20 candidates whose
 * addresses are deliberately absent from the gazetteer (listed in data/sample/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignPointsToPolygons } from '../../src/geo/containment.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';

const dir = new URL('../../data/sample/', import.meta.url).pathname;
const readmeMisses = (readFileSync(`${dir}README.md`, 'utf8').match(/C\d{4}/g) ?? []).sort();

describe('loading the sample bundle', async () => {
  const bundle = await loadBundleDir(dir);

  it('is named and flagged synthetic', () => {
    expect(bundle.synthetic).toBe(true);
    expect(bundle.name).toBe('Sample city (synthetic)');
  });

  it('loads every row of every layer except the deliberate address misses', () => {
    for (const r of bundle.reports) {
      expect(r.loaded + r.rejected, r.file).toBe(r.read);
      if (r.layer !== 'candidates') expect(r.rejected, `${r.file}: ${JSON.stringify(r.rejects.slice(0, 3))}`).toBe(0);
    }
    const candidates = bundle.reports.find((r) => r.layer === 'candidates');
    expect(candidates?.read).toBe(2_000);
    expect(candidates?.rejected).toBe(20);
    expect(readmeMisses).toHaveLength(20);
    expect(new Set(candidates?.rejects.map((r) => r.reason))).toEqual(new Set(['address not found in the gazetteer']));
    // Reject rows are 1-based data records: C0043 is row 43.
    expect(candidates?.rejects.map((r) => `C${String(r.row).padStart(4, '0')}`).sort()).toEqual(readmeMisses);
  });

  it('places the other 1 980 candidates by exact address match', () => {
    const placedBy = bundle.candidates?.text.placed_by ?? [];
    expect(placedBy).toHaveLength(1_980);
    expect(placedBy.every((p) => p === 'exact')).toBe(true);
  });

  it('has district populations equal to the demand points each district contains', () => {
    const demand = bundle.demand!;
    const districts = bundle.districts!;
    const inside = assignPointsToPolygons(demand.lon, demand.lat, districts.geometries);
    const sums = new Float64Array(districts.ids.length);
    inside.forEach((d, i) => { if (d >= 0) sums[d] += demand.numeric.population[i]; });
    expect(Array.from(inside).filter((d) => d < 0)).toHaveLength(0);
    expect(Array.from(sums)).toEqual(Array.from(districts.numeric.population));
  });
});

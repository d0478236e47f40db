/**
 * "How many outlets" in the report: a curve made by hand (the knee where the gains fall off, a
 * straight curve that names none), then `report --curve` on the tiny bundle, whose p-median values
 * are great-circle distances a reader can recompute: three households, two sites.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { haversine } from '../../src/geo/haversine.ts';
import type { OptimizeCurveSummary } from '../../src/optimize/summary.ts';
import { optimizeSection } from '../../src/report/optimize-section.ts';
import { runReport, section } from './run-cli.ts';
import { tinyBundleFiles } from './tiny-bundle.ts';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const cells = (html: string) => html.split('<tbody>')[1].split('<tr').slice(1).map((r) => [...r.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]));

function mclpCurve(values: number[], knee: number | null): OptimizeCurveSummary {
  const point = (objective: number, p: number) => ({
    model: 'mclp' as const, method: 'milp' as const, exact: p !== 2, objective, bound: p === 2 ? objective * 1.01 : objective, gap: p === 2 ? 0.01 : 0, selected: [], fixed: [], p, radius: 1000,
    coverage_pct: null, mean_distance: null, max_distance: null, demand_points: 5, facilities: 5, rejected_rows: 0, status: '', notes: [], seconds: 0, marginal_gain: null,
  });
  return { model: 'mclp', curve: values.map((v, k) => point(v, k + 1)), knee_p: knee };
}

describe('optimizeSection', () => {
  it('covered 100, 180, 230, 250, 260 for p = 1..5: gains 80, 50, 20, 10, the knee at p = 3', () => {
    // On 0–1 scales the points lie 0, .25, .3125, .1875, 0 above the chord: farthest at p = 3.
    const html = optimizeSection(doc(), mclpCurve([100, 180, 230, 250, 260], 3));
    expect(html).toContain('The knee is at p = 3');
    expect(cells(html)).toEqual([
      ['1', '100', '–', 'proved optimal'],
      ['2', '180', '80', 'within 1.0 % of the best possible'],
      ['3', '230', '50', 'proved optimal'],
      ['4', '250', '20', 'proved optimal'],
      ['5', '260', '10', 'proved optimal'],
    ]);
    expect(html).toContain('<tr class="kept"><td class="num">3</td>');
  });

  it('a straight curve names no knee, and no curve draws nothing', () => {
    const html = optimizeSection(doc(), mclpCurve([100, 200, 301, 400], 3));
    expect(html).toContain('nearly straight');
    expect(html).not.toContain('class="kept"');
    expect(optimizeSection(doc(), undefined)).toBe('');
  });
});

describe('siteselect report --curve', () => {
  it('p-median 1..2 on the tiny bundle: mean distances recomputed from the coordinates', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-report-curve-'));
    for (const [name, text] of Object.entries(tinyBundleFiles())) writeFileSync(path.join(dir, name), text);
    writeFileSync(path.join(dir, 'scenario.json'), JSON.stringify({ version: 1, name: 'curve', criteria: [{ id: 'demand', kind: 'demand', weight: 1 }] }));
    const out = path.join(dir, 'report.html');
    const r = await runReport(['--bundle', dir, '--out', out, '--curve', 'pmedian:1..2', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = section(readFileSync(out, 'utf8'), 'how-many');
    // Households H1 (10.005, 50.01; 100), H2 (10.015, 50.01; 300), H3 (10.016, 50.012; 200); sites S1 (10.015, 50.011), S2 (10.004, 50.009).
    const d = (a: [number, number], b: [number, number]) => haversine(a[0], a[1], b[0], b[1]);
    const [h1, h2, h3, s1, s2]: [number, number][] = [[10.005, 50.01], [10.015, 50.01], [10.016, 50.012], [10.015, 50.011], [10.004, 50.009]];
    const one = Math.min(100 * d(h1, s1) + 300 * d(h2, s1) + 200 * d(h3, s1), 100 * d(h1, s2) + 300 * d(h2, s2) + 200 * d(h3, s2)) / 600;
    const two = (100 * Math.min(d(h1, s1), d(h1, s2)) + 300 * Math.min(d(h2, s1), d(h2, s2)) + 200 * Math.min(d(h3, s1), d(h3, s2))) / 600;
    const rows = cells(html);
    expect(rows.map((x) => x[0])).toEqual(['1', '2']);
    expect(Number(rows[0][1].replace(/\s/g, ''))).toBe(Math.round(one));
    expect(Number(rows[1][1].replace(/\s/g, ''))).toBe(Math.round(two));
    expect(rows.map((x) => x[3])).toEqual(['proved optimal', 'proved optimal']);
    const bad = await runReport(['--bundle', dir, '--out', out, '--curve', 'lscp:1..3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/the curve needs MODEL:FROM..TO with MODEL one of mclp, pmedian, pcenter, huff/);
  }, 60_000);
});

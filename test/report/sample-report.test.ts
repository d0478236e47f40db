/**
 * `siteselect report` on the synthetic sample city: the file, its maps and tables against a funnel
 * run here through the API, no external reference anywhere, the same bytes twice.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedBundle } from '../../src/data/layer.ts';
import { haversine } from '../../src/geo/haversine.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { escapeHtml } from '../../src/format/escape-html.ts';
import { formatNumber } from '../../src/format/number.ts';
import { formatScore } from '../../src/report/format-score.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import type { FunnelResult, LevelResult } from '../../src/score/types.ts';
import { repoRoot, runReport, section, tableRows } from './run-cli.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-report-'));
const out1 = path.join(dir, 'a.html');
const out2 = path.join(dir, 'b.html');
let expected: FunnelResult;
let bundle: LoadedBundle;
let scenarioJson: { criteria: { id: string; radius?: number }[] };
let html: string;
let first: { code: number; stdout: string; stderr: string };

const byRank = (level: LevelResult): number[] => Array.from(level.ids.keys()).sort((a, b) => level.rank[a] - level.rank[b]);

beforeAll(async () => {
  bundle = await loadBundleDir(path.join(repoRoot, 'data/sample'));
  const scenarioFile = path.join(repoRoot, 'data/sample/scenario.json');
  scenarioJson = JSON.parse(readFileSync(scenarioFile, 'utf8')) as typeof scenarioJson;
  expected = await runFunnel(bundle, parseScenario(scenarioJson, scenarioFile), { database: testDb() });
  first = await runReport(['--bundle', 'data/sample', '--scenario', 'data/sample/scenario.json', '--out', out1, '--threads', '1']);
  html = readFileSync(out1, 'utf8');
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siteselect report on the sample city', () => {
  it('writes the file and exits 0', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`wrote ${out1}`);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('counts the candidates the funnel never reached: in the regions and the districts it cut', () => {
    const u = expected.unreached!;
    const inRegions = u.district.filter((d) => d < 0).length;
    expect(inRegions).toBeGreaterThan(0);
    expect(inRegions).toBeLessThan(u.ids.length);
    // Scored + not reached + outside = every candidate loaded.
    expect(expected.sites.ids.length + u.ids.length + (expected.outside?.ids.length ?? 0)).toBe(bundle.candidates!.ids.length);
    const n = formatNumber;
    expect(html).toContain(`<p id="unreached">${n(u.ids.length)} candidates lie ${n(inRegions)} in regions the funnel cut and ${n(u.ids.length - inRegions)} in districts it cut: not scored`);
  });

  it('labels the data as synthetic', () => {
    expect(html).toContain('<span class="synthetic-label">Synthetic data</span>');
  });

  it('draws a map per level: each compared region and district with its score, every compared site as a dot', () => {
    for (const [id, level] of [['level-regions', expected.regions], ['level-districts', expected.districts]] as const) {
      const part = section(html, id);
      expect(part).toContain('<svg');
      // Each polygon's tooltip: "name: score", the score formatted as in the table.
      for (let i = 0; i < level.ids.length; i++) expect(part).toContain(`<title>${escapeHtml(level.names[i] || level.ids[i])}: ${formatScore(level.score[i])}</title>`);
    }
    const sites = section(html, 'level-sites');
    expect(sites).toContain('<svg');
    expect(sites.split('<circle').length - 1).toBe(expected.sites.ids.length); // 555 on this sample, all under the 3000-dot cap
  });

  it('names every region and the best districts on their maps, with their scores, over the polygons and outlines', () => {
    for (const [id, level, every] of [['level-regions', expected.regions, true], ['level-districts', expected.districts, false]] as const) {
      const part = section(html, id);
      const labels = part.indexOf('class="map-label"');
      // Drawn after the polygons (<path>s with a <title>) and the kept outlines: nothing covers them.
      expect(labels).toBeGreaterThan(part.lastIndexOf('<path'));
      const label = part.slice(part.lastIndexOf('<g', labels), part.indexOf('</g>', labels));
      expect(label.slice(0, label.indexOf('>'))).toContain('stroke="white"');
      const named = (i: number): boolean => label.includes(`>${escapeHtml(level.names[i])}</tspan><tspan dy="1.15em" x="0">${formatScore(level.score[i])}</tspan>`);
      expect(named(byRank(level)[0])).toBe(true);
      if (every) for (let i = 0; i < level.ids.length; i++) expect(named(i)).toBe(true);
    }
  });

  it("draws the bundle's basemap over the fills and under the outlines and labels, and credits it", () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'data/sample/bundle.json'), 'utf8')) as { basemap: { attribution: string } };
    for (const id of ['level-regions', 'level-districts', 'level-sites']) {
      const part = section(html, id);
      const water = part.indexOf('class="basemap-water"');
      const roads = part.indexOf('class="basemap-road"');
      expect(water).toBeGreaterThan(part.indexOf('<title>'));
      expect(roads).toBeGreaterThan(water);
      expect(part.indexOf('class="map-label"')).toBeGreaterThan(roads);
      expect(part).toContain('Context: water (blue), parks (green), main roads (grey lines).');
    }
    expect(section(html, 'data')).toContain(`<p class="attribution">${escapeHtml(manifest.basemap.attribution)}</p>`);
  });

  it('ranks every compared unit in its table, best first, the best site with its score', () => {
    expect(tableRows(html, 'table-regions')).toHaveLength(expected.regions.ids.length);
    expect(tableRows(html, 'table-districts')).toHaveLength(expected.districts.ids.length);
    const siteRows = tableRows(html, 'table-sites');
    expect(siteRows).toHaveLength(Math.min(1000, expected.sites.ids.length));
    const best = byRank(expected.sites)[0];
    expect(siteRows[0]).toContain(`<td>${escapeHtml(expected.sites.ids[best])}</td>`);
    expect(siteRows[0]).toContain(`<td class="num">${formatScore(expected.sites.score[best])}</td>`);
    const kept = siteRows.filter((r) => r.startsWith(' class="kept"')).length;
    expect(kept).toBe(expected.sites.kept.reduce((s, k) => s + k, 0));
  });

  it('details the kept sites criterion by criterion (raw, normalised, points), best first', () => {
    const rows = tableRows(html, 'table-top-sites');
    const kept = byRank(expected.sites).filter((i) => expected.sites.kept[i] === 1);
    expect(rows).toHaveLength(Math.min(20, kept.length));
    rows.forEach((row, k) => expect(row).toContain(`<td>${escapeHtml(expected.sites.ids[kept[k]])}</td>`));
    // rank, id, name, score, then three cells per criterion.
    expect(rows[0].split('<td').length - 1).toBe(4 + 3 * expected.sites.criteria.length);
  });

  it('leads with the best KEPT site, and says the top scorer is not kept and why (117 m from an own outlet on the sample)', () => {
    const order = byRank(expected.sites);
    const bestKept = order.find((i) => expected.sites.kept[i] === 1) ?? -1;
    const top = order[0];
    // On the sample the top scorer is cut by the 300 m rule: the lead must not name it as the best.
    expect(expected.sites.kept[top]).toBe(0);
    const lead = /<p id="lead"[^>]*>(.*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(lead.startsWith(`Best kept site: ${escapeHtml(expected.sites.ids[bestKept])} `)).toBe(true);
    expect(lead).toContain(`(${formatScore(expected.sites.score[bestKept])})`);
    // The reason's distance, measured here to the nearest own outlet.
    const own = bundle.network;
    if (!own || !expected.sites.lon || !expected.sites.lat) throw new Error('the sample has own outlets and site coordinates');
    let nearest = Infinity;
    for (let j = 0; j < own.ids.length; j++) nearest = Math.min(nearest, haversine(expected.sites.lon[top], expected.sites.lat[top], own.lon[j], own.lat[j]));
    expect(nearest).toBeLessThan(300);
    expect(lead).toContain(`The top-scoring site, ${escapeHtml(expected.sites.ids[top])} `);
    expect(lead).toContain(`is not kept: ${Math.round(nearest)} m from own outlet `);
    expect(lead).toContain('(minimum 300 m)');
    expect(first.stdout).toContain(`Best kept site: ${expected.sites.ids[bestKept]} `);
    expect(first.stdout).toContain(`The top-scoring site, ${expected.sites.ids[top]} `);
    // The breakdown explains the best kept site, not the top scorer.
    const chart = section(html, 'breakdown');
    expect(chart).toContain(`Why the best kept site scores ${formatScore(expected.sites.score[bestKept])}`);
    expect(chart).toContain(`Points per criterion of site ${escapeHtml(expected.sites.ids[bestKept])}.`);
    for (const c of expected.sites.criteria) expect(chart).toContain(`>${c.contribution[bestKept].toFixed(2)}</text>`);
  });

  it('writes the criteria\'s parameters in words and units, not JSON', () => {
    const rows = tableRows(html, 'table-criteria');
    expect(rows).toHaveLength(scenarioJson.criteria.length);
    for (const [k, c] of scenarioJson.criteria.entries()) {
      const cells = rows[k].split('<td>');
      const parameters = cells[cells.length - 1];
      expect(parameters).not.toMatch(/[{}[\]]|&quot;/);
      if (c.radius !== undefined) expect(parameters).toContain(`within ${c.radius} m`);
    }
    // the kind in words, with the scenario file's code for whoever edits it
    expect(rows.find((r) => r.includes('<td>net_gain</td>'))).toContain('<td>Huff capture (huff_share)</td>');
    expect(rows.find((r) => r.includes('<td>network_norm</td>'))).toContain('<td>Residents per outlet (network_norm)</td>');
    expect(rows[0]).toContain('no distance decay');
    expect(rows[0]).toContain('<td>min–max</td>');
  });

  it('holds no external reference: no http(s) address, no script, no linked asset', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<link');
  });

  it('gives the same bytes when run again', async () => {
    const again = await runReport(['--bundle', 'data/sample', '--scenario', 'data/sample/scenario.json', '--out', out2, '--threads', '1']);
    expect(again.code).toBe(0);
    expect(readFileSync(out2, 'utf8') === html).toBe(true);
  }, 120_000);
});

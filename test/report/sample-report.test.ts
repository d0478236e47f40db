/**
 * `siteselect report` on the synthetic sample city: the file, its maps and tables against a funnel
 * run here through the API, no external reference anywhere, the same bytes twice.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { escapeHtml } from '../../src/notebook/escape-html.ts';
import { formatScore } from '../../src/report/format-score.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import type { FunnelResult, LevelResult } from '../../src/score/types.ts';
import { repoRoot, runReport, section, tableRows } from './run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-report-'));
const out1 = path.join(dir, 'a.html');
const out2 = path.join(dir, 'b.html');
let expected: FunnelResult;
let html: string;
let first: { code: number; stdout: string; stderr: string };

const byRank = (level: LevelResult): number[] => Array.from(level.ids.keys()).sort((a, b) => level.rank[a] - level.rank[b]);

beforeAll(async () => {
  const bundle = await loadBundleDir(path.join(repoRoot, 'data/sample'));
  const scenarioFile = path.join(repoRoot, 'data/sample/scenario.json');
  expected = await runFunnel(bundle, parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')), scenarioFile));
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

  it('details the best 20 sites criterion by criterion (raw, normalised, points) and charts the best one', () => {
    const rows = tableRows(html, 'table-top-sites');
    expect(rows).toHaveLength(Math.min(20, expected.sites.ids.length));
    // rank, id, name, score, then three cells per criterion.
    expect(rows[0].split('<td').length - 1).toBe(4 + 3 * expected.sites.criteria.length);
    const best = byRank(expected.sites)[0];
    const chart = section(html, 'breakdown');
    expect(chart).toContain('<svg');
    for (const c of expected.sites.criteria) expect(chart).toContain(`>${c.contribution[best].toFixed(2)}</text>`);
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

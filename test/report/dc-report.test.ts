/**
 * `siteselect report` on Washington, DC (test/fixtures/dc over ../shared/data/dc, real open data)
 * with the bank-branch scenario: it keeps every ward and tract (empty cuts), so all retail sites
 * inside a tract are compared and listed; checked against the funnel run here through the API.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { escapeHtml } from '../../src/format/escape-html.ts';
import { formatScore } from '../../src/report/format-score.ts';
import { parseScenario } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import type { FunnelResult } from '../../src/score/types.ts';
import { repoRoot, runReport, section, tableRows } from './run-cli.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-report-dc-'));
const out = path.join(dir, 'dc.html');
let expected: FunnelResult;
let html: string;
let code: number;

beforeAll(async () => {
  const scenarioFile = path.join(repoRoot, 'test/fixtures/dc-bank-scenario.json');
  const scenario = parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')), scenarioFile);
  expect(scenario.funnel.regions).toEqual({}); // keep all wards …
  expect(scenario.funnel.districts).toEqual({}); // … and all tracts
  expected = await runFunnel(await loadBundleDir(path.join(repoRoot, 'test/fixtures/dc')), scenario, { database: testDb() });
  ({ code } = await runReport(['--bundle', 'test/fixtures/dc', '--scenario', 'test/fixtures/dc-bank-scenario.json', '--out', out, '--threads', '1']));
  html = readFileSync(out, 'utf8');
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siteselect report on Washington, DC', () => {
  it('lists every retail site inside a tract, best first, 20 kept', () => {
    expect(code).toBe(0);
    // The raw file holds 324 retail sites, all inside a tract: all of them are compared.
    const raw = JSON.parse(readFileSync(path.join(repoRoot, '../shared/data/dc/retail-sites.geojson'), 'utf8')) as { features: unknown[] };
    expect(raw.features).toHaveLength(324);
    expect(expected.sites.ids.length).toBe(324);
    const rows = tableRows(html, 'table-sites');
    expect(rows).toHaveLength(expected.sites.ids.length);
    expect(rows.filter((r) => r.startsWith(' class="kept"'))).toHaveLength(20); // sites: { topK: 20 }, no constraints
    const best = Array.from(expected.sites.ids.keys()).sort((a, b) => expected.sites.rank[a] - expected.sites.rank[b])[0];
    expect(rows[0]).toContain(`<td>${escapeHtml(expected.sites.ids[best])}</td><td>${escapeHtml(expected.sites.names[best])}</td>`);
    expect(rows[0]).toContain(`<td class="num">${formatScore(expected.sites.score[best])}</td>`);
  });

  it('maps all 8 wards and every tract, carries the attribution, is not labelled synthetic, links nothing', () => {
    expect(tableRows(html, 'table-regions')).toHaveLength(8);
    expect(tableRows(html, 'table-districts')).toHaveLength(expected.districts.ids.length);
    for (const id of ['level-regions', 'level-districts', 'level-sites']) expect(section(html, id)).toContain('<svg');
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/dc/bundle.json'), 'utf8')) as { attribution: string };
    expect(section(html, 'data')).toContain(escapeHtml(manifest.attribution));
    expect(html).not.toContain('synthetic-label">');
    expect(html).not.toMatch(/https?:\/\/|<script|<link/);
  });
});

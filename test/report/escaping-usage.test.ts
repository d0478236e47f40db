/**
 * A tiny hand-made bundle whose names carry markup: the report shows them as text, never as tags.
 * And bad usage: exit 2 with a message that names the fix.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport, section } from './run-cli.ts';

const EVIL = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';
const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-report-xss-'));

/** An axis-aligned square ring, anticlockwise (GeoJSON's right-hand rule). */
const square = (w: number, s: number, e: number, n: number): number[][][] => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const feature = (props: Record<string, string>, coordinates: number[][][]) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates } });

beforeAll(() => {
  // One region of 0.02° × 0.02° near 10°E 50°N, split into two districts; the east one's name is markup.
  writeFileSync(path.join(dir, 'regions.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature({ id: 'R1', name: 'Only region' }, square(10, 50, 10.02, 50.02))] }));
  writeFileSync(path.join(dir, 'districts.geojson'), JSON.stringify({
    type: 'FeatureCollection',
    features: [feature({ id: 'D1', name: 'West', region: 'R1' }, square(10, 50, 10.01, 50.02)), feature({ id: 'D2', name: EVIL, region: 'R1' }, square(10.01, 50, 10.02, 50.02))],
  }));
  writeFileSync(path.join(dir, 'demand.csv'), 'id,lon,lat,population\nH1,10.005,50.01,100\nH2,10.015,50.01,300\nH3,10.016,50.012,200\n');
  writeFileSync(path.join(dir, 'candidates.csv'), `id,name,lon,lat\nS1,"${EVIL.replace(/"/g, '""')}",10.015,50.011\nS2,Plain site,10.004,50.009\n`);
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({
    version: 1, name: `Tiny ${EVIL}`, attribution: `Made by hand ${EVIL}`, crs: 'wgs84',
    layers: [
      { layer: 'regions', file: 'regions.geojson', columns: { id: 'id', name: 'name' } },
      { layer: 'districts', file: 'districts.geojson', columns: { id: 'id', name: 'name', region: 'region' } },
      { layer: 'demand', file: 'demand.csv', columns: { id: 'id', lon: 'lon', lat: 'lat', population: 'population' } },
      { layer: 'candidates', file: 'candidates.csv', columns: { id: 'id', name: 'name', lon: 'lon', lat: 'lat' } },
    ],
  }));
  writeFileSync(path.join(dir, 'scenario.json'), JSON.stringify({
    version: 1, name: `Demand only ${EVIL}`,
    criteria: [{ id: 'demand', kind: 'demand', label: `Residents ${EVIL}`, radius: 1000 }],
  }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('names from data in the report', () => {
  it('are escaped everywhere: title, district map and table, site table, criterion label, attribution', async () => {
    const out = path.join(dir, 'report.html');
    const run = await runReport(['--bundle', dir, '--scenario', path.join(dir, 'scenario.json'), '--out', out, '--threads', '1']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror=alert(1)>');
    expect(html).toContain(`<title>Site selection report — Tiny ${ESCAPED}</title>`);
    // The district with the markup name appears in its map tooltip and its table row as text.
    const districts = section(html, 'level-districts');
    expect(districts).toMatch(new RegExp(`<title>${ESCAPED.replace(/[()]/g, '\\$&')}: \\d+\\.\\d\\d</title>`));
    expect(districts).toContain(`<td>${ESCAPED}</td>`);
    expect(section(html, 'level-sites')).toContain(`<td>${ESCAPED}</td>`);
    expect(section(html, 'scenario')).toContain(`<td>Residents ${ESCAPED}</td>`);
    expect(section(html, 'data')).toContain(`Made by hand ${ESCAPED}`);
    // Not synthetic: no label.
    expect(html).not.toContain('synthetic-label">');
  }, 60_000);
});

describe('bad usage exits 2 and says how to fix it', () => {
  it('without --scenario', async () => {
    const run = await runReport(['--bundle', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--scenario FILE');
  });

  it('without --bundle', async () => {
    const run = await runReport(['--scenario', path.join(dir, 'scenario.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--bundle DIR');
  });

  it('with a bundle folder that does not exist', async () => {
    const missing = path.join(dir, 'no-such-folder');
    const run = await runReport(['--bundle', missing, '--scenario', path.join(dir, 'scenario.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`siteselect report: bundle folder ${missing} does not exist; pass --bundle DIR, a folder that holds bundle.json and its layer files.\n`);
  });

  it('with a folder that holds no bundle.json', async () => {
    const run = await runReport(['--bundle', tmpdir(), '--scenario', path.join(dir, 'scenario.json'), '--out', path.join(dir, 'x.html')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('holds no bundle.json; pass --bundle DIR');
  });

  it('with an unknown option or a bad --top', async () => {
    expect((await runReport(['--bundle', dir, '--scenario', 's.json', '--colour', 'red'])).stderr).toContain('unknown option --colour; see siteselect report --help');
    const bad = await runReport(['--bundle', dir, '--scenario', 's.json', '--top', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--top needs a whole number ≥ 1, got '0'");
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await runReport(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: siteselect report --bundle DIR --scenario FILE');
  });
});

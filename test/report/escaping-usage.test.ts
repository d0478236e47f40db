/**
 * A tiny hand-made bundle (tiny-bundle.ts) whose names carry markup: the report shows them as text, never as tags.
 * And bad usage: exit 2 with a message that names the fix.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport, section } from './run-cli.ts';
import { ESCAPED, tinyBundleFiles } from './tiny-bundle.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'siteselect-report-xss-'));

beforeAll(() => {
  for (const [name, text] of Object.entries(tinyBundleFiles())) writeFileSync(path.join(dir, name), text);
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
    expect(districts).toMatch(new RegExp(`<title>${ESCAPED.replace(/[()]/g, '\\$&')}: \\d+\\.\\d</title>`));
    expect(districts).toContain(`<td>${ESCAPED}</td>`);
    expect(section(html, 'level-sites')).toContain(`<td>${ESCAPED}</td>`);
    expect(section(html, 'scenario')).toContain(`<td>Residents ${ESCAPED}</td>`);
    expect(section(html, 'data')).toContain(`Made by hand ${ESCAPED}`);
    // Not synthetic: no label.
    expect(html).not.toContain('synthetic-label">');
  }, 60_000);
});

describe('the options score has too', () => {
  // As score: the scenario defaults to scenario.json beside the manifest; --quiet leaves standard error empty.
  it('without --scenario, reads the bundle\'s scenario.json; --quiet; a manifest given by its file name', async () => {
    const out = path.join(dir, 'quiet.html');
    const given = await runReport(['--bundle', dir, '--scenario', path.join(dir, 'scenario.json'), '--out', out, '--threads', '1', '--json']);
    const fallback = await runReport(['--bundle', path.join(dir, 'bundle.json'), '--out', out, '--threads', '1', '--json', '--quiet']);
    expect(fallback.code, fallback.stderr).toBe(0);
    expect(fallback.stderr).toBe('');
    const scenarioName = (JSON.parse(readFileSync(path.join(dir, 'scenario.json'), 'utf8')) as { name: string }).name;
    expect((JSON.parse(fallback.stdout) as { scenario: string }).scenario).toBe(scenarioName);
    expect((JSON.parse(fallback.stdout) as { best: unknown }).best).toEqual((JSON.parse(given.stdout) as { best: unknown }).best);
  }, 60_000);
});

describe('bad usage exits 2 and says how to fix it', () => {
  it('without --scenario and no scenario.json beside the manifest', async () => {
    const bare = mkdtempSync(path.join(tmpdir(), 'siteselect-report-bare-'));
    writeFileSync(path.join(bare, 'bundle.json'), readFileSync(path.join(dir, 'bundle.json')));
    const run = await runReport(['--bundle', bare, '--out', path.join(bare, 'r.html')]);
    rmSync(bare, { recursive: true, force: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('scenario.json was not found; pass --scenario FILE or put a scenario.json beside bundle.json.');
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
    expect(run.stdout).toContain('Usage: siteselect report --bundle DIR|FILE [--scenario FILE]');
  });
});

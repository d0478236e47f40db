/**
 * Issue 19 item 10, the smaller defects, each as its reproducer: radix numbers as coordinates,
 * `--out --json`, a missing bundle folder reported as a missing scenario, outputs that cannot be
 * written found out only after the run, raw stack traces for disk errors, antimeridian polygons
 * read flat, and ids that differ only by case or an invisible character.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { systemErrorMessage } from '../../src/cli/system-error.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const sample = join(new URL('../../', import.meta.url).pathname, 'data', 'sample');
const temp = mkdtempSync(join(tmpdir(), 'smaller-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = { stdout: () => {}, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd: temp };
  return { code: await main(argv, io), stderr };
}

describe('issue 19 item 10', () => {
  it('0x72 and 0b10110 are not coordinates', async () => {
    const { report } = await loadLayerFile('p.csv', enc('id,lon,lat\na,0x72,22\nb,114,0b10110\nc,114,22\n'), { layer: 'pois', file: 'p.csv', columns: { category: { value: 'x' } } });
    expect(report.rejects.map((r) => [r.row, r.column, r.reason])).toEqual([[1, 'lon', 'non-numeric coordinate'], [2, 'lat', 'non-numeric coordinate']]);
  });

  it('--out --json is two options, not a file named --json', async () => {
    const r = await run('score', sample, '--out', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('siteselect score: --out needs a value, but the next argument is the option --json\n');
  });

  it('a missing bundle folder is reported as such, not as a missing scenario.json', async () => {
    const r = await run('score', 'no-such-bundle');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('siteselect score: bundle folder no-such-bundle does not exist; pass --bundle DIR, a folder that holds bundle.json and its layer files.\n');
  });

  it('an output that cannot be written is refused before the run', async () => {
    writeFileSync(join(temp, 'plain.txt'), 'x');
    const r = await run('report', '--bundle', sample, '--scenario', join(sample, 'scenario.json'), '--out', 'plain.txt/report.html');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*plain\.txt\/report\.html cannot be written: .*plain\.txt is a file, not a folder/);
    mkdirSync(join(temp, 'dir.html'));
    const d = await run('score', sample, '--out', 'dir.html', '--threads', '1');
    expect(d.stderr).toMatch(/--out .*dir\.html is a folder; name a file in it/);
  });

  it('disk full or permission denied is one sentence, not a stack trace', () => {
    const err = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: '/out/scores.csv' });
    expect(systemErrorMessage(err)).toBe('write /out/scores.csv failed (ENOSPC): the disk is full; free some space or write elsewhere');
    expect(systemErrorMessage(new Error('plain'))).toBeUndefined();
  });

  it('a polygon crossing the antimeridian is refused, not read flat (inverted containment)', async () => {
    const fiji = { type: 'Polygon', coordinates: [[[179, -17], [-179, -17], [-179, -16], [179, -16], [179, -17]]] };
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'f', name: 'Fiji' }, geometry: fiji }, { type: 'Feature', properties: { id: 'g', name: 'Ok' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] });
    const { report } = await loadLayerFile('r.geojson', enc(geojson), { layer: 'regions', file: 'r.geojson' });
    expect(report.loaded).toBe(1);
    expect(report.rejects[0]).toMatchObject({ row: 1, reason: expect.stringMatching(/crosses the antimeridian \(±180° longitude\); split it there into a MultiPolygon/) });
  });

  it('ids that differ only by case or a zero-width space get a note', async () => {
    const { report } = await loadLayerFile('p.csv', enc('id,lon,lat\nA1,1,1\na1,1,2\nB\u200B2,1,3\nB2,1,4\nC3,1,5\n'), { layer: 'pois', file: 'p.csv', columns: { category: { value: 'x' } } });
    expect(report.loaded).toBe(5);
    expect(report.notes).toContain('2 id(s) differ from another only by letter case or invisible characters (e.g. "A1" and "a1"); they are kept as different sites — make them equal or clearly different if that is not meant');
  });
});

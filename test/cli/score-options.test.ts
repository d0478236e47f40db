/**
 * The smaller options of `siteselect score`: --crs converts the candidate file to WGS84 (GCJ-02 and
 * BD-09 made with gcoord, EPSG:3857 by the spherical-mercator formula), --format overrides the --out
 * extension, the progress bar is drawn only on a terminal and --quiet silences it, --help, and the
 * --top-per / --sensitivity usage errors (exit 2).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { readCsvRows, runScore } from './run-score.ts';

const repo = new URL('../../', import.meta.url).pathname;
const sample = join(repo, 'data', 'sample');
const temp = mkdtempSync(join(tmpdir(), 'score-options-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// three WGS84 points inside the sample city
const POINTS: [number, number][] = [[114.05, 22.55], [114.1, 22.6], [114.12, 22.52]];
const R = 6378137; // web-mercator sphere
const mercator = ([lon, lat]: [number, number]) => [(R * lon * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];

describe('--crs', () => {
  it.each([
    ['gcj02', (p: [number, number]) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02)],
    ['bd09', (p: [number, number]) => gcoord.transform(p, gcoord.WGS84, gcoord.BD09)],
    ['3857', mercator],
  ] as const)('%s is converted to WGS84', async (crs, from) => {
    const rows = POINTS.map((p, i) => `P${i},${from(p).join(',')},20000`);
    writeFileSync(join(temp, `${crs}.csv`), `id,lon,lat,rent\n${rows.join('\n')}\n`);
    const r = await runScore(temp, '--bundle', sample, '--candidates', `${crs}.csv`, '--crs', crs, '--out', `${crs}-out.csv`, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const out = new Map(readCsvRows(join(temp, `${crs}-out.csv`)).map((row) => [row.id, row]));
    POINTS.forEach(([lon, lat], i) => {
      // 1e-5° ≈ 1 m: GCJ-02 / BD-09 inversions are iterative, good to well under a metre
      expect(Math.abs(Number(out.get(`P${i}`)?.lon) - lon)).toBeLessThan(1e-5);
      expect(Math.abs(Number(out.get(`P${i}`)?.lat) - lat)).toBeLessThan(1e-5);
    });
  });
});

describe('output format, progress and help', () => {
  it('--format geojson writes GeoJSON whatever the --out extension', async () => {
    writeFileSync(join(temp, 'pts.csv'), `id,lon,lat,rent\n${POINTS.map((p, i) => `Q${i},${p.join(',')},20000`).join('\n')}\n`);
    const r = await runScore(temp, '--bundle', sample, '--candidates', 'pts.csv', '--out', 'pts.out', '--format', 'geojson', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const fc = JSON.parse(readFileSync(join(temp, 'pts.out'), 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(3);
    expect(fc.features[0].properties.placed_by).toBe('coordinates');
  });

  it('draws a progress bar on a terminal only, and not with --quiet', async () => {
    const runWith = async (tty: boolean, ...more: string[]) => {
      let stderr = '';
      const io: CliIO = { stdout: () => {}, stderr: (t) => { stderr += t; }, stderrIsTTY: tty, cwd: temp };
      const code = await main(['score', '--bundle', sample, '--candidates', 'pts.csv', '--out', 'bar.csv', '--threads', '1', ...more], io);
      expect(code, stderr).toBe(0);
      return stderr;
    };
    expect(await runWith(true)).toMatch(/\r\[#+\.*\] +\d+% /);
    // the bar ends on its own line; the loaders' notes follow it
    expect(await runWith(true)).toMatch(/100% done *\n(siteselect score: note: [^\n]*\n)*$/);
    expect(await runWith(false)).not.toMatch(/%/);
    expect(await runWith(true, '--quiet')).toBe('');
  });

  it('--help prints the options and exits 0', async () => {
    let stdout = '';
    const code = await main(['score', '--help'], { stdout: (t) => { stdout += t; }, stderr: () => {}, stderrIsTTY: false, cwd: temp });
    expect(code).toBe(0);
    for (const flag of ['--bundle', '--scenario', '--candidates', '--out', '--format', '--rejects', '--top-per', '--crs', '--min-confidence', '--json', '--quiet', '--sensitivity']) {
      expect(stdout).toContain(flag);
    }
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['--top-per', 'city:5'], /--top-per must be region:N or district:N/],
    [['--top-per', 'region:0'], /--top-per must be region:N or district:N/],
    [['--format', 'xlsx'], /--format must be one of csv, geojson, parquet, got 'xlsx'/],
    [['--crs', 'utm'], /--crs must be wgs84, gcj02, bd09 or 3857/],
    [['--draws', '10'], /--draws only applies with --sensitivity/],
    [['--sensitivity', '--draws', '0'], /--draws needs a whole number/],
    [['--sensitivity', '--concentration', '-1'], /--concentration needs a number > 0/],
    [['other-bundle'], /one bundle at a time/],
  ])('%j', async (argv, message) => {
    const r = await runScore(temp, '--bundle', sample, ...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('the id column of --candidates', () => {
  const rows = POINTS.map((p, i) => `K${i},${p.join(',')},20000`).join('\n');
  it('detects common id names (store_id)', async () => {
    writeFileSync(join(temp, 'store-ids.csv'), `store_id,lon,lat,rent\n${rows}\n`);
    const r = await runScore(temp, '--bundle', sample, '--candidates', 'store-ids.csv', '--out', 'store-ids-out.csv', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(readCsvRows(join(temp, 'store-ids-out.csv')).map((row) => row.id).sort()).toEqual(['K0', 'K1', 'K2']);
  });

  it('takes the one --id-column names, and says --id-column when it is missing', async () => {
    writeFileSync(join(temp, 'codes.csv'), `code,lon,lat,rent\n${rows}\n`);
    const r = await runScore(temp, '--bundle', sample, '--candidates', 'codes.csv', '--id-column', 'code', '--out', 'codes-out.csv', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(readCsvRows(join(temp, 'codes-out.csv')).map((row) => row.id).sort()).toEqual(['K0', 'K1', 'K2']);
    // without it the ids are the file name and the row
    const plain = await runScore(temp, '--bundle', sample, '--candidates', 'codes.csv', '--out', 'codes-plain.csv', '--quiet');
    expect(plain.code, plain.stderr).toBe(0);
    expect(readCsvRows(join(temp, 'codes-plain.csv')).map((row) => row.id).sort()).toEqual(['codes:1', 'codes:2', 'codes:3']);
    const bad = await runScore(temp, '--bundle', sample, '--candidates', 'codes.csv', '--id-column', 'site', '--out', 'codes-bad.csv', '--quiet');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/codes\.csv has no column 'site' for "id".*fix --id-column/);
  });
});

describe('a candidate outside every region', () => {
  it('is not compared: it goes to the rejects with its row and reason, is counted, and the others rank as before', async () => {
    // FAR is the 4th data row, after a row that cannot be placed (row 3)
    writeFileSync(join(temp, 'far.csv'), `id,lon,lat,rent\nN0,${POINTS[0].join(',')},20000\nN1,${POINTS[1].join(',')},20000\nBAD,x,22.6,1\nFAR,116.4,39.9,20000\n`);
    writeFileSync(join(temp, 'near.csv'), `id,lon,lat,rent\nN0,${POINTS[0].join(',')},20000\nN1,${POINTS[1].join(',')},20000\n`);
    const r = await runScore(temp, '--bundle', sample, '--candidates', 'far.csv', '--out', 'far-all.csv', '--json', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { read: number; scored: number; rejected: number; outside: number; warnings: string[] };
    expect(summary).toMatchObject({ read: 4, scored: 2, rejected: 2, outside: 1 });
    expect(summary.warnings).toContain('1 candidate lies outside every region and was not compared (listed in the rejects)');
    expect(readCsvRows(join(temp, 'far-all.csv')).map((row) => row.id).sort()).toEqual(['N0', 'N1']);
    const rejects = readCsvRows(join(temp, 'far-all.rejects.csv'));
    expect(rejects.map((row) => row.row)).toEqual(['3', '4']);
    expect(rejects[1]).toMatchObject({ column: 'lon/lat', reason: 'outside every region: not compared (id FAR)', value: '116.4 39.9' });
    // the rule leaves the other sites' scores as if FAR had never been given
    const near = await runScore(temp, '--bundle', sample, '--candidates', 'near.csv', '--out', 'near.csv.out.csv', '--quiet');
    expect(near.code, near.stderr).toBe(0);
    const scores = (file: string) => readCsvRows(join(temp, file)).map((row) => [row.id, row.score, row.rank]);
    expect(scores('far-all.csv')).toEqual(scores('near.csv.out.csv'));
  });
});

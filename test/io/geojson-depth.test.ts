/**
 * Issue 19 item 7: a 10 KB GeoJSON nested 5 000 levels deep in properties or in Point coordinates
 * threw "Maximum call stack size exceeded" with a stack trace in validate and score (both paths).
 * Such a feature is now one reject with its reason; the others load.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import { readCsvText } from '../../src/io/read-csv.ts';

const deep = (n: number, leaf: string): string => '['.repeat(n) + leaf + ']'.repeat(n);
const feature = (id: string, props: string, coords: string): string =>
  `{"type":"Feature","properties":{"id":"${id}","rent":9000${props}},"geometry":{"type":"Point","coordinates":${coords}}}`;
// a: nested properties; b: nested coordinates; c: a plain point in the sample city
const DEEP = `{"type":"FeatureCollection","features":[${[
  feature('a', `,"x":${deep(5000, '1')}`, '[114.05,22.55]'),
  feature('b', '', deep(5000, '114.06,22.56')),
  feature('c', ',"x":[[1,2],{"k":[3]}]', '[114.07,22.57]'),
].join(',')}]}`;

describe('deeply nested GeoJSON', () => {
  it('rejects the nested features with the place and the fix, loads the rest', async () => {
    const { report } = await loadLayerFile('deep.geojson', new TextEncoder().encode(DEEP), { layer: 'pois', file: 'deep.geojson', columns: { category: { value: 'x' } } });
    expect([report.read, report.loaded, report.rejected]).toEqual([3, 1, 2]);
    expect(report.rejects.map((r) => [r.row, r.reason])).toEqual([
      [1, 'properties.x is nested more than 100 levels deep; flatten it or drop the feature'],
      [2, 'geometry is nested more than 100 levels deep; flatten it or drop the feature'],
    ]);
  });

  describe('through the command line', () => {
    const temp = mkdtempSync(join(tmpdir(), 'deep-'));
    afterAll(() => rmSync(temp, { recursive: true, force: true }));
    writeFileSync(join(temp, 'deep.geojson'), DEEP);
    const sample = join(new URL('../../', import.meta.url).pathname, 'data', 'sample');
    const run = async (...argv: string[]): Promise<{ code: number; stderr: string }> => {
      let stderr = '';
      const io: CliIO = { stdout: () => {}, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd: temp };
      return { code: await main(argv, io), stderr };
    };

    it('score: exit 0, two rejects, one site scored', async () => {
      const r = await run('score', sample, '--candidates', 'deep.geojson', '--out', 'out.csv', '--threads', '1', '-q');
      expect(r.stderr).not.toMatch(/call stack|RangeError/);
      expect(r.code, r.stderr).toBe(0);
      const rejects = readCsvText('r', readFileSync(join(temp, 'out.rejects.csv'), 'utf8'));
      expect(rejects.values.row.map(String)).toEqual(['1', '2']);
      expect(readCsvText('o', readFileSync(join(temp, 'out.csv'), 'utf8')).values.id.map(String)).toEqual(['c']);
    });
  });
});

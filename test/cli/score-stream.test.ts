/**
 * A streamed --candidates file gives what the whole-file path gives: the same output bytes, the same
 * rejects file and the same summary, whatever the block size. Tiny blocks (7 and 13 bytes) cut
 * every record, a BOM, CRLF pairs, an escaped quote and a quoted field holding a line break; the
 * rows only the whole file can judge (duplicate and missing ids, a lat/lon swap against the file's
 * median, an untyped column whose only text cell is in a rejected row) are placed by hand below.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { CsvChunker } from '../../src/io/csv-chunks.ts';
import { readCsvText } from '../../src/io/read-csv.ts';
import { ScoreSummary } from '../../src/cli/score/score-summary.ts';
import { readCsvRows, runScore } from './run-score.ts';

const repo = new URL('../../', import.meta.url).pathname;
const sample = join(repo, 'data', 'sample');
const temp = mkdtempSync(join(tmpdir(), 'score-stream-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Run {
  code: number;
  summary: ScoreSummary | null;
  out: Buffer;
  rejects: Buffer;
}

let tag = 0;
/** One run; out/rejects are read back as bytes (as text) and the summary without its timing. */
async function score(candidates: string, ...more: string[]): Promise<Run> {
  const out = `run-${++tag}.csv`;
  const given = more.includes('--out') ? more : [...more, '--out', out];
  const outFile = join(temp, given[given.indexOf('--out') + 1]);
  const r = await runScore(temp, '--bundle', sample, '--candidates', candidates, '--json', ...given);
  const summary = r.stdout ? ScoreSummary.parse(JSON.parse(r.stdout)) : null;
  const none = Buffer.alloc(0);
  return { code: r.code, summary, out: summary ? readFileSync(outFile) : none, rejects: summary ? readFileSync(summary.rejects) : none };
}

/** Streamed (with each block size) and whole-file runs agree on everything but the file names. */
async function expectSameAsWhole(candidates: string, blockSizes: number[], ...more: string[]): Promise<Run> {
  const whole = await score(candidates, '--whole-file', ...more);
  expect(whole.summary?.streamed).toBe(false);
  for (const bytes of blockSizes) {
    const streamed = await score(candidates, '--chunk-bytes', String(bytes), ...more);
    expect(streamed.summary?.streamed, `--chunk-bytes ${bytes}`).toBe(true);
    expect(streamed.code).toBe(whole.code);
    expect(streamed.out.toString('utf8'), `output with --chunk-bytes ${bytes}`).toBe(whole.out.toString('utf8'));
    expect(streamed.out.equals(whole.out)).toBe(true);
    expect(streamed.rejects.toString('utf8'), `rejects with --chunk-bytes ${bytes}`).toBe(whole.rejects.toString('utf8'));
    const strip = (s: ScoreSummary | null) => s && { ...s, seconds: 0, streamed: true, out: '', rejects: '' };
    expect(strip(streamed.summary)).toEqual(strip(whole.summary));
  }
  return whole;
}

// Sample-city coordinates with every kind of bad row. BOM, CRLF line ends; row numbers are 1-based data rows.
const CITY = '\uFEFF' + [
  'id,name,lon,lat,visibility',
  'A1,Alpha,114.0500,22.5500,3', // 1
  'A2,"Bravo, the ""second""",114.0600,22.5600,4', // 2
  'A3,"Charlie\r\non two lines",114.0700,22.5400,5', // 3: the name holds CRLF
  'A4,Delta,114.0800,abc,2', // 4: non-numeric lat
  'A5,Echo,200.5,22.5500,1', // 5: lon out of range
  'A2,Foxtrot,114.0900,22.5700,x', // 6: duplicate of row 2; its 'x' is the only text in visibility
  ',Golf,114.1000,22.5800,2', // 7: missing id
  'A8,Hotel,114.1100,22.5900', // 8: one field short
  'A9,India,114.1200,22.6000,1', // 9
  'A10,"Juliett ""J""",114.0550,22.5650,', // 10: blank visibility
].join('\r\n') + '\r\n';

// Washington DC points (far from the sample city: they score 0 and tie, so ids decide the order);
// row 6 has lon and lat exchanged, both in range: only the file's median shows it.
const DC = [
  'id,lon,lat',
  'd10,-77.0300,38.9000',
  'd2,-77.0100,38.9100',
  'd3,-77.0200,38.8900',
  'd1,-77.0400,38.9200',
  'd11,-77.0500,38.8800',
  'd6,38.9050,-77.0250',
  'd7,-77.0350,38.9150',
].join('\n') + '\n';

/** The sample scenario without its rent criterion and limit, for files with no rent column. */
const NO_RENT = ['--scenario', 'no-rent.json'];

beforeAll(() => {
  const scenario = JSON.parse(readFileSync(join(sample, 'scenario.json'), 'utf8'));
  delete scenario.$schema;
  scenario.criteria = scenario.criteria.filter((c: { kind: string }) => c.kind !== 'attribute');
  delete scenario.constraints.maxAttribute;
  writeFileSync(join(temp, 'no-rent.json'), JSON.stringify(scenario));
  writeFileSync(join(temp, 'city.csv'), CITY);
  writeFileSync(join(temp, 'dc.csv'), DC);
  writeFileSync(join(temp, 'city.tsv'), CITY.replaceAll(',', '\t').replace('"Bravo\t the ""second"""', '"Bravo, the ""second"""'));
  // Excel's sep= line and decimal commas (114,05 reads as 114.05)
  writeFileSync(join(temp, 'semicolon.csv'), 'sep=;\nid;lon;lat;rent\nS1;114,05;22,55;9000\nS2;114,06;22,56;12000\nS3;114,07;22,57;x\n');
});

describe('CsvChunker', () => {
  it('gives readCsvText\'s cells and shape errors whatever the block size', () => {
    const text = CITY.slice(1) + '"open,1,2'; // ends in an unclosed quote: a truncated last record
    const whole = readCsvText('city.csv', text);
    expect(whole.rowCount).toBe(11);
    expect(whole.values.name[2]).toBe('Charlie\r\non two lines');
    expect(whole.values.name[1]).toBe('Bravo, the "second"');
    for (let size = 1; size <= 40; size++) {
      const chunker = new CsvChunker('city.csv');
      const cells: Record<string, unknown[]> = {};
      const errors: unknown[] = [];
      const rows: number[] = [];
      const take = (c: ReturnType<CsvChunker['push']>) => {
        if (!c) return;
        rows.push(c.firstRow);
        for (const k of c.table.columns) (cells[k] ??= []).push(...c.table.values[k]);
        errors.push(...(c.table.rowErrors ?? []));
      };
      for (let i = 0; i < text.length; i += size) take(chunker.push(text.slice(i, i + size)));
      take(chunker.end());
      expect(cells, `block size ${size}`).toEqual(whole.values);
      expect(errors).toEqual(whole.rowErrors);
      expect(chunker.rows).toBe(11);
      expect(rows[0]).toBe(0);
    }
  });
});

describe('siteselect score streams a CSV and writes what the whole-file path writes', () => {
  it('sample-city coordinates with bad rows cut across blocks (BOM, CRLF, a quoted line break)', async () => {
    const whole = await expectSameAsWhole('city.csv', [7, 13, 64, 1 << 20], ...NO_RENT);
    const s = whole.summary!;
    // rows 4, 5, 6, 7, 8 rejected; 1, 2, 3, 9, 10 scored
    expect([s.read, s.scored, s.rejected]).toEqual([10, 5, 5]);
    const rejects = readCsvText('r.csv', whole.rejects.toString('utf8'));
    expect(rejects.values.row).toEqual(['4', '5', '6', '7', '8']);
    expect(rejects.values.reason[2]).toBe('duplicate id (first seen in row 2)');
    expect(rejects.values.reason[3]).toBe('missing id');
    expect(rejects.values.reason[4]).toBe('has 4 fields where the header has 5');
    const out = readCsvText('o.csv', whole.out.toString('utf8'));
    expect(out.values.name).toContain('Charlie\r\non two lines');
    expect(out.values.name).toContain('Bravo, the "second"');
    // the only text cell of visibility was in the rejected duplicate, so the column is numeric, and
    // the output lists numeric columns after the text ones (name, placed_by)
    expect(out.columns.indexOf('visibility')).toBeGreaterThan(out.columns.indexOf('placed_by'));
  });

  it('a lat/lon swap seen against the median, and ids ordering ties, across 7-byte blocks', async () => {
    const whole = await expectSameAsWhole('dc.csv', [7, 5000], ...NO_RENT);
    const rejects = readCsvText('r.csv', whole.rejects.toString('utf8'));
    expect(rejects.values.row).toEqual(['6']);
    expect(rejects.values.reason[0]).toMatch(/lat\/lon look swapped/);
    // every DC site lies outside the city and scores alike: ranks follow the ids as JS orders strings
    expect(readCsvRows(whole.summary!.out).map((r) => r.id)).toEqual(['d1', 'd10', 'd11', 'd2', 'd3', 'd7']);
  });

  it('the sample candidates: addresses geocoded chunk by chunk give the same ranks, scores and file', async () => {
    const whole = await expectSameAsWhole(join(sample, 'candidates.csv'), [4096]);
    const s = whole.summary!;
    expect(s.read).toBe(2000);
    expect(s.geocoded_exact).toBeGreaterThanOrEqual(0.98 * 2000);
    expect(s.scored + s.rejected).toBe(s.read);
  });

  it('the same with --top-per, --kept and GeoJSON and Parquet output; --sensitivity reads the file whole', async () => {
    await expectSameAsWhole('city.csv', [13], ...NO_RENT, '--top-per', 'region:2');
    await expectSameAsWhole('city.csv', [13], ...NO_RENT, '--kept');
    // its draws re-rank every site at once: the file is read whole, and the summary says so
    const sensitivity = await score('city.csv', '--chunk-bytes', '13', ...NO_RENT, '--sensitivity', '--draws', '20');
    expect(sensitivity.summary?.streamed).toBe(false);
    expect(Object.keys(readCsvRows(sensitivity.summary!.out)[0])).toContain('p_top_k');
    await expectSameAsWhole('city.csv', [13], ...NO_RENT, '--out', 'city.geojson');
    await expectSameAsWhole('city.csv', [13], ...NO_RENT, '--out', 'city.parquet');
    // into a folder that does not exist yet: both paths create it
    await expectSameAsWhole('city.csv', [13], ...NO_RENT, '--out', 'new-folder/city.csv');
  });

  it('every normalisation, geometric combining and --top-per, with on-disk sorts of a few records a run', async () => {
    // --sort-bytes 2048: runs of a few records, so every sort (ids, percentiles, ranking) merges
    // hundreds of runs in two levels; the sample's 2 000 geocoded candidates give ties to break
    const base = JSON.parse(readFileSync(join(sample, 'scenario.json'), 'utf8')) as { criteria: object[] } & Record<string, unknown>;
    const kinds = ['zscore', 'percentile', 'rank', 'minmax'];
    for (const combine of ['sum', 'geometric']) {
      const scenario = { ...base, $schema: undefined, combine, criteria: base.criteria.map((c, k) => ({ ...c, normalise: kinds[k % kinds.length] })) };
      const file = join(temp, `mixed-${combine}.json`);
      writeFileSync(file, JSON.stringify(scenario));
      const whole = await expectSameAsWhole(join(sample, 'candidates.csv'), [65536], '--scenario', file, '--sort-bytes', '2048', '--top-per', 'district:3');
      expect(whole.summary!.written).toBeGreaterThan(30);
    }
    const all = await expectSameAsWhole(join(sample, 'candidates.csv'), [65536], '--sort-bytes', '2048');
    expect(all.summary!.written).toBe(1980);
  });

  it('a Parquet file row group by row group, an Arrow file batch by batch, with bad rows in several; a GeoParquet file is read whole', async () => {
    // ten rows in groups of three: a duplicate id, a missing id, lon out of range, a missing lat
    const columnData = [
      { name: 'id', data: ['P1', 'P2', 'P3', 'P2', null, 'P6', 'P7', 'P8', 'P9', 'P10'], type: 'STRING' as const },
      { name: 'name', data: ['Alpha', 'Bravo, "2"', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett'], type: 'STRING' as const },
      { name: 'lon', data: [114.05, 114.06, 114.07, 114.08, 114.09, 200.5, 114.11, 114.12, 114.13, 114.055], type: 'DOUBLE' as const },
      { name: 'lat', data: [22.55, 22.56, 22.54, 22.57, 22.58, 22.55, 22.59, 22.6, null, 22.565], type: 'DOUBLE' as const },
      { name: 'visibility', data: [3, 4, 5, null, 2, 1, 2, 1, 1, 6], type: 'INT32' as const },
    ];
    writeFileSync(join(temp, 'city.parquet'), new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 3 })));
    const whole = await expectSameAsWhole('city.parquet', [4096], ...NO_RENT, '--sort-bytes', '64');
    expect(whole.summary).toMatchObject({ read: 10, scored: 6, rejected: 4 });
    const rejects = readCsvText('r.csv', whole.rejects.toString('utf8'));
    expect(rejects.values.row).toEqual(['4', '5', '6', '9']);
    expect(readCsvRows(whole.summary!.out).map((r) => r.visibility).sort()).toEqual(['1', '2', '3', '4', '5', '6']);

    // the same rows as an Arrow IPC file of three record batches (4 + 3 + 3 rows)
    const arrowTypes = { STRING: () => new Utf8(), DOUBLE: () => new Float64(), INT32: () => new Int32() };
    const part = (from: number, to: number) => new Table(Object.fromEntries(columnData.map((c) => [c.name, vectorFromArray(c.data.slice(from, to), arrowTypes[c.type]())])));
    const arrow = part(0, 4).concat(part(4, 7), part(7, 10));
    expect(arrow.batches.length).toBe(3);
    writeFileSync(join(temp, 'city.arrow'), tableToIPC(arrow, 'file'));
    const wholeArrow = await expectSameAsWhole('city.arrow', [4096], ...NO_RENT, '--sort-bytes', '64');
    expect(wholeArrow.summary).toMatchObject({ read: 10, scored: 6, rejected: 4 });
    expect(wholeArrow.out.toString('utf8')).toBe(whole.out.toString('utf8'));

    const points = columnData[2].data.map((lon, i) => ({ type: 'Point', coordinates: [lon, columnData[3].data[i] ?? 22.5] }));
    const geo = [columnData[0], { name: 'geometry', data: points, type: 'GEOMETRY' as const }];
    writeFileSync(join(temp, 'geo.parquet'), new Uint8Array(parquetWriteBuffer({ columnData: geo, rowGroupSize: 3 })));
    const geoRun = await score('geo.parquet', ...NO_RENT);
    expect(geoRun.summary?.streamed).toBe(false);
    expect(geoRun.summary?.read).toBe(10);
  });

  it('70 000 rows: two output buckets of 65 536 positions, Parquet row groups of 16 384 rows', async () => {
    const rows = ['id,lon,lat,rent'];
    for (let i = 0; i < 70_000; i++) rows.push(`M${i},${(113.95 + ((i * 7919) % 2003) * 0.0001).toFixed(5)},${(22.5 + ((i * 104729) % 1999) * 0.0001).toFixed(5)},${9000 + (i % 500)}`);
    writeFileSync(join(temp, 'many.csv'), rows.join('\n') + '\n');
    const csv = await expectSameAsWhole('many.csv', [1 << 20], '--out', 'many.csv.out');
    expect(csv.summary).toMatchObject({ read: 70_000, scored: 70_000, written: 70_000 });
    const parquet = await expectSameAsWhole('many.csv', [1 << 20], '--out', 'many.parquet');
    const { parquetMetadata } = await import('hyparquet');
    const bytes = readFileSync(parquet.summary!.out);
    expect(parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)).row_groups.map((g) => Number(g.num_rows))).toEqual([16_384, 16_384, 16_384, 16_384, 4_464]);
  }, 120_000);

  it('a GeoJSON FeatureCollection feature by feature: shape from every feature, tricky strings, bad features', async () => {
    const feature = (id: string | null, lon: number, lat: number, properties: Record<string, unknown>, extra: object = {}) => ({ type: 'Feature', ...(id === null ? {} : { id }), properties, geometry: { type: 'Point', coordinates: [lon, lat] }, ...extra });
    const features: unknown[] = [
      feature('G1', 114.05, 22.55, { name: 'Alpha {one} [1]', visibility: 3 }),
      feature('G2', 114.06, 22.56, { name: 'Bravo "}],\\" two', visibility: 4, meta: { floors: [1, 2] } }),
      { type: 'NotAFeature', properties: {} },
      feature('G4', 114.07, 22.54, { name: 'Charlie', visibility: null }),
      feature('G2', 114.08, 22.57, { name: 'Delta (duplicate id)', visibility: 5 }),
      { ...feature('G6', 0, 0, { name: 'Echo, no geometry' }), geometry: null },
      feature(null, 114.09, 22.58, { name: 'Foxtrot, no id' }),
      feature('G8', 114.1, 22.59, { name: 'Golf', late_column: 'only here', visibility: 2 }),
      feature('G9', 114.11, 22.6, { name: 'Hotel 漢字 ✓', visibility: 1 }),
    ];
    // the crs member after the features, spaces and line breaks between everything
    const text = `\uFEFF{ "type" : "FeatureCollection",\n "name": "cands [x]",\n "features" : [\n${features.map((f) => ' ' + JSON.stringify(f)).join(' ,\n')}\n ] ,\n "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}} }\n`;
    writeFileSync(join(temp, 'city.geojson'), text);
    const whole = await expectSameAsWhole('city.geojson', [7, 64, 1 << 20], ...NO_RENT, '--sort-bytes', '64');
    expect(whole.summary).toMatchObject({ read: 9, scored: 5 });
    const out = readCsvRows(whole.summary!.out);
    expect(Object.keys(out[0])).toEqual(expect.arrayContaining(['name', 'visibility', 'meta', 'late_column']));
    expect(out.find((r) => r.id === 'G2')?.name).toBe('Bravo "}],\\" two');

    // a truncated file, a lone Feature and an unsupported CRS are read whole, which says what is wrong
    writeFileSync(join(temp, 'cut.geojson'), text.slice(0, text.length - 40));
    const cut = await score('cut.geojson', ...NO_RENT);
    expect(cut.code).toBe(2);
    writeFileSync(join(temp, 'one.geojson'), JSON.stringify(features[0]));
    expect((await score('one.geojson', ...NO_RENT)).summary?.streamed).toBe(false);
  });

  it('TSV, and a sep=; file with decimal commas and a text cell in a numeric role', async () => {
    const tsv = await expectSameAsWhole('city.tsv', [11], ...NO_RENT);
    expect(tsv.summary!.scored).toBe(5);
    const semi = await expectSameAsWhole('semicolon.csv', [9]);
    // 114,05 → 114.05: all three placed; rent 'x' is not a number, kept as missing
    expect(semi.summary!.scored).toBe(3);
  });

  it('hands a file that is not UTF-8 to the whole-file path, which detects its encoding', async () => {
    // GB18030 text: streaming stops at the first byte that is not UTF-8; the whole-file path detects the encoding
    const gbk = Buffer.concat([Buffer.from('id,name,lon,lat\nG1,'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from(',114.05,22.55\n')]);
    writeFileSync(join(temp, 'gbk.csv'), gbk);
    const r = await score('gbk.csv', '--chunk-bytes', '8', ...NO_RENT);
    expect(r.summary?.streamed).toBe(false);
    expect(r.summary?.scored).toBe(1);
    expect(readCsvText('o.csv', r.out.toString('utf8')).values.name).toEqual(['中文']);
  });
});

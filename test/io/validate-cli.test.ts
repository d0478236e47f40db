/** `siteselect validate`: exit status, the JSON shape of issue 2 item 8, and the text report. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/command.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, cwd: fixtures };
  const code = await main(['validate', ...args], io);
  return { code, out, err };
}

describe('siteselect validate', () => {
  it('exits 0 for a bundle with rejected rows and lists them per file in JSON', async () => {
    const { code, out } = await run(['bad/with-rejects', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { ok: boolean; layers: { layer: string; file: string; read: number; loaded: number; rejected: number; rejects: { row: number; column: string; reason: string }[] }[] };
    expect(doc.ok).toBe(true);
    expect(doc.layers.map((l) => [l.layer, l.file, l.read, l.loaded, l.rejected])).toEqual([
      ['pois', 'missing-coordinate.csv', 4, 2, 2], // rows 2 and 3 lack a coordinate
      ['competitors', 'duplicate-ids.csv', 5, 3, 2], // ids 1 and 2 repeat in rows 3 and 5
    ]);
    expect(doc.layers[0].rejects[0]).toMatchObject({ row: 2, column: 'lat', reason: 'missing coordinate' });
  });

  it('prints the table and the first rejects as text, limited by --rejects', async () => {
    const { code, out } = await run(['bad/with-rejects', '--rejects', '1']);
    expect(code).toBe(0);
    expect(out).toMatch(/pois\s+missing-coordinate\.csv\s+4\s+2\s+2/);
    expect(out).toContain('missing-coordinate.csv: first 1 of 2 rejects');
    expect(out).toContain('  row 2, lat: missing coordinate');
    expect(out).not.toContain('row 3, lon');
  });

  it('accepts the manifest path itself', async () => {
    const { code, out } = await run(['bad/with-rejects/bundle.json', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { ok: boolean; layers: { read: number; loaded: number; rejected: number }[] };
    expect(doc.ok).toBe(true);
    expect(doc.layers).toHaveLength(2);
    for (const l of doc.layers) expect(l.loaded + l.rejected).toBe(l.read);
  });

  it('exits 2 with ok:false and the one-sentence error when a file is missing', async () => {
    const { code, out } = await run(['bad/missing-file', '--json']);
    expect(code).toBe(2);
    const doc = JSON.parse(out) as { ok: boolean; error: string };
    expect(doc.ok).toBe(false);
    expect(doc.error).toBe("bundle.json names 'nowhere.csv' for layer pois, but that file does not exist; fix the path in bundle.json or add the file.");
  });

  it('exits 2 and says so on standard error without --json', async () => {
    const { code, out, err } = await run(['bad/unknown-layer']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/layers\[0\]\.layer is 'shops', which is not a layer/);
  });

  it('exits 2 for a folder with no bundle.json', async () => {
    const { code, err } = await run(['bad']);
    expect(code).toBe(2);
    expect(err).toMatch(/^siteselect validate: bad holds no bundle\.json; pass --bundle DIR/);
  });

  // test/fixtures/totals: demand rows d1, d2, d4 load (d3 has no population, d5 no latitude):
  // population 100 + 250 + 50, households 40 + 100 + 20; competitors' attractiveness 2 + 3.5.
  it('prints each layer\'s totals over its loaded rows, in JSON and as text', async () => {
    const json = await run(['totals', '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out) as { totals: unknown };
    expect(doc.totals).toEqual([
      { layer: 'demand', rows: 3, columns: { population: { sum: 400, missing: 0 }, households: { sum: 160, missing: 0 } } },
      { layer: 'competitors', rows: 2, columns: { attractiveness: { sum: 5.5, missing: 0 } } },
    ]);
    const text = await run(['totals']);
    expect(text.out).toMatch(/^demand\s+population\s+400$/m);
    expect(text.out).toMatch(/^demand\s+households\s+160$/m);
    expect(text.out).toMatch(/^competitors\s+attractiveness\s+5\.5$/m);
  });

  it('takes --bundle with a manifest of any name, as score, report and optimize do', async () => {
    const { code, out } = await run(['--bundle', 'totals/bundle-other.json', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { name: string }).name).toBe('totals by hand');
  });
});

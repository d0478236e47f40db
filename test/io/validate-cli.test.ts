/** `siteselect validate`: exit status, the JSON shape of issue 2 item 8, and the text report. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { command } from '../../src/cli/commands/validate.ts';
import type { CliIO } from '../../src/cli/command.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, cwd: fixtures };
  const code = await command.run(args, io);
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
    expect(err).toMatch(/bundle\.json was not found/);
  });
});

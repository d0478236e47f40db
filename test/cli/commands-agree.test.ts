/**
 * The commands read `--bundle DIR|FILE` the same way and say the same thing when it is wrong;
 * optimize counts the rows it could not load as validate does.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';

const repo = path.resolve(import.meta.dirname, '..', '..');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, cwd: repo };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('--bundle DIR|FILE in every command', () => {
  it('gives one message for a folder that does not exist', async () => {
    const runs = await Promise.all([
      run(['validate', '--bundle', 'no/such/folder']),
      run(['report', '--bundle', 'no/such/folder', '--out', 'x.html']),
      run(['optimize', '--bundle', 'no/such/folder', '--model', 'mclp', '--p', '1', '--radius', '500']),
      run(['score', '--bundle', 'no/such/folder', '--out', 'x.csv']),
    ]);
    for (const [i, name] of ['validate', 'report', 'optimize', 'score'].entries()) {
      expect(runs[i].code, name).toBe(2);
      expect(runs[i].err, name).toBe(`siteselect ${name}: bundle folder no/such/folder does not exist; pass --bundle DIR, a folder that holds bundle.json and its layer files.\n`);
    }
  });

  it('optimize takes a manifest file and counts the candidate rows it rejected, as validate reports them', async () => {
    const validate = await run(['validate', '--bundle', 'data/sample/bundle.json', '--json']);
    const layers = (JSON.parse(validate.out) as { layers: { layer: string; rejected: number }[] }).layers;
    const rejected = layers.filter((l) => l.layer === 'candidates' || l.layer === 'demand').reduce((s, l) => s + l.rejected, 0);
    expect(rejected).toBe(20); // the sample's 20 candidate addresses missing from its gazetteer

    const optimize = await run(['optimize', '--bundle', 'data/sample/bundle.json', '--model', 'mclp', '--p', '1', '--radius', '800', '--json']);
    expect(optimize.code, optimize.err).toBe(0);
    const summary = JSON.parse(optimize.out) as { rejected_rows: number; mean_distance: number };
    expect(summary.rejected_rows).toBe(rejected);
    expect(optimize.err).toContain('20 row(s) of candidates.csv skipped');
    // MCLP's mean distance is over the covered demand, so it cannot exceed the radius.
    expect(summary.mean_distance).toBeLessThanOrEqual(800);
  }, 120_000);
});

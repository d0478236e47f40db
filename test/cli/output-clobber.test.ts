/**
 * Issue 19 item 2: an output that is one of the run's inputs, or another of its outputs, is
 * refused before any work (exit 2), and the input is left byte for byte as it was. Each case is
 * a reproducer from the issue, run through the real commands on a copy of the sample bundle.
 */
import { cpSync, linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';

const repo = new URL('../../', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'clobber-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const bundle = join(temp, 'bundle');
cpSync(join(repo, 'data', 'sample'), bundle, { recursive: true });
writeFileSync(join(temp, 'in.csv'), 'id,lon,lat\nA,114.06,22.55\nB,114.1,22.6\n');

async function run(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = { stdout: () => {}, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd: temp };
  const code = await main(argv, io);
  return { code, stderr };
}

/** Runs `argv`, expects exit 2 with `message`, and `file` unchanged. */
async function refused(file: string, message: RegExp, ...argv: string[]): Promise<void> {
  const before = readFileSync(file);
  const r = await run(...argv);
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
  expect(readFileSync(file).equals(before)).toBe(true);
}

describe('outputs never clobber inputs', () => {
  it('score --candidates in.csv --out in.csv', async () => {
    await refused(join(temp, 'in.csv'), /--out .*in\.csv is the same file as the --candidates file .*an input of this run; write it to another file/,
      'score', bundle, '--candidates', 'in.csv', '--out', 'in.csv', '--threads', '1');
  });

  it.each([
    ['bundle.json', /the bundle manifest/],
    ['scenario.json', /the scenario/],
    ['competitors.csv', /layer competitors's file/],
  ])('score --out pointing at %s', async (name, what) => {
    const file = join(bundle, name);
    await refused(file, what, 'score', bundle, '--out', file, '--threads', '1');
  });

  it('score --rejects pointing at a layer file (a .json one is written as .csv, beside it)', async () => {
    const file = join(bundle, 'competitors.csv');
    await refused(file, /--rejects .*competitors\.csv is the same file as layer competitors's file/, 'score', bundle, '--rejects', file, '--threads', '1');
  });

  it('score --out r.csv --rejects r.json: the rejects would be written as r.csv', async () => {
    writeFileSync(join(temp, 'r.csv'), 'earlier scores\n');
    await refused(join(temp, 'r.csv'), /--rejects .*r\.csv is the same file as --out writes; give them different names/,
      'score', bundle, '--candidates', 'in.csv', '--out', 'r.csv', '--rejects', 'r.json', '--threads', '1');
  });

  it('an output that is a symlink or a hard link to an input', async () => {
    symlinkSync(join(temp, 'in.csv'), join(temp, 'sym.csv'));
    linkSync(join(temp, 'in.csv'), join(temp, 'hard.csv'));
    for (const out of ['sym.csv', 'hard.csv']) {
      await refused(join(temp, 'in.csv'), /is the same file as the --candidates file/, 'score', bundle, '--candidates', 'in.csv', '--out', out, '--threads', '1');
    }
  });

  it('report --out bundle/scenario.json', async () => {
    const file = join(bundle, 'scenario.json');
    await refused(file, /--out .*scenario\.json is the same file as the scenario/, 'report', '--bundle', bundle, '--scenario', file, '--out', file);
  });

  it('notebook --out onto the notebook or onto a file named in its arguments', async () => {
    const nb = join(temp, 'nb.ts');
    writeFileSync(nb, '// %% one\nconst x = 1;\n');
    await refused(nb, /--out .*nb\.ts is the same file as the notebook/, 'notebook', nb, '--out', nb);
    await refused(join(bundle, 'bundle.json'), /is the same file as notebook argument 1 /, 'notebook', nb, '--out', join(bundle, 'bundle.json'), '--', join(bundle, 'bundle.json'));
  });

  // every other command that writes: the same check (src/node/output-guard.ts), each refusal naming both files
  it.each([
    ['huff', ['huff', 'BUNDLE', '--out', 'BUNDLE/candidates.csv'], 'candidates.csv', /--out .*candidates\.csv is the same file as layer candidates's file \(.*candidates\.csv\)/],
    ['territories', ['territories', 'BUNDLE', '--out', 'BUNDLE/network.csv'], 'network.csv', /--out .*network\.csv is the same file as layer network's file \(.*network\.csv\)/],
    ['calibrate onto a layer file', ['calibrate', 'BUNDLE', '--out', 'BUNDLE/network.csv'], 'network.csv', /--out .*network\.csv is the same file as layer network's file/],
    ['calibrate onto its --flows', ['calibrate', 'BUNDLE', '--flows', 'in.csv', '--out', 'in.csv'], '../in.csv', /--out .*in\.csv is the same file as the --flows file \(.*in\.csv\)/],
    ['network area onto the roads', ['network', 'area', 'BUNDLE', '--site-id', 'x', '--profile', 'walk', '--out', 'BUNDLE/roads.geojson'], 'roads.geojson', /--out .*roads\.geojson is the same file as the roads file \(.*roads\.geojson\)/],
    ['network matrix onto --from', ['network', 'matrix', '--osm', 'BUNDLE/roads.geojson', '--profile', 'walk', '--from', 'in.csv', '--to', 'BUNDLE/demand.csv', '--out', 'in.csv'], '../in.csv', /--out .*in\.csv is the same file as --from \(.*in\.csv\)/],
    ['init --force onto a data file it names', ['init', 'BUNDLE', '--out', 'BUNDLE/pois.csv', '--yes', '--force'], 'pois.csv', /--out .*pois\.csv is the same file as layer pois's file \(.*pois\.csv\)/],
  ] as const)('%s', async (_, argv, file, message) => {
    await refused(join(bundle, file), message, ...argv.map((a) => a.replace('BUNDLE', bundle)));
  });

  it('score and report --out onto their --calibration file', async () => {
    const calibration = join(temp, 'cal.json');
    writeFileSync(calibration, '{}\n');
    await refused(calibration, /--out .*cal\.json is the same file as the --calibration file \(.*cal\.json\)/, 'score', bundle, '--calibration', 'cal.json', '--out', 'cal.json', '--threads', '1');
    await refused(calibration, /--out .*cal\.json is the same file as the --calibration file/, 'report', bundle, '--calibration', 'cal.json', '--out', 'cal.json');
  });
});

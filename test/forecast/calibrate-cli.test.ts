/** `siteselect calibrate` on a generated bundle: the summary, the written calibration, exit 1 and 2. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { parseCalibration } from '../../src/forecast/calibration.ts';
import { syntheticMarket } from './synthetic-market.ts';
import { writeMarketBundle } from './write-market-bundle.ts';

async function calibrate(cwd: string, ...args: string[]) {
  let stdout = '', stderr = '';
  const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd };
  const code = await main(['calibrate', ...args], io);
  return { code, stdout, stderr };
}

const market = syntheticMarket(2, { alpha: 1.2, beta: 1.7, scale: 0.4, noise: 0.05 });
const dir = writeMarketBundle(market);
const plain = writeMarketBundle(market, { role: false });

describe('siteselect calibrate', () => {
  it('fits the observed role of bundle.json, prints the JSON summary and writes the calibration', async () => {
    const run = await calibrate(dir, '--bundle', '.', '--json', '--out', 'calibration.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ model: 'huff-mci', observed: 'observed', n: 40 });
    expect(Math.abs(summary.alpha - 1.2)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(summary.beta - 1.7)).toBeLessThanOrEqual(0.15);
    expect(summary.cv_mape).toBeLessThan(summary.baseline_cv_mape);
    expect(Object.keys(summary.se).sort()).toEqual(['alpha', 'beta', 'scale']);
    const saved = parseCalibration(JSON.parse(readFileSync(path.join(dir, 'calibration.json'), 'utf8')));
    expect(saved.alpha).toBe(summary.alpha);
    expect(saved.outlets).toHaveLength(40);
  });

  it('--observed names a column directly; --attributes fits γ with α fixed; the text table names every parameter', async () => {
    const run = await calibrate(dir, '--bundle', plain, '--observed', 'sales', '--attributes', 'area', '--folds', '4');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/calibration of "sales" on 40 own outlets/);
    expect(run.stdout).toMatch(/gamma_area/);
    expect(run.stdout).toMatch(/4-fold CV MAPE/);
    expect(run.stdout).not.toMatch(/^\s+alpha/m);
  });

  it('exit 2: a column the network lacks, folds < 2', async () => {
    const missing = await calibrate(dir, '--bundle', plain, '--observed', 'deposits');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the network layer has no numeric column "deposits" \(it has: .*sales/);
    const noRole = await calibrate(dir, '--bundle', plain);
    expect(noRole.stderr).toMatch(/map columns.observed in bundle.json, or name it with --observed/);
    expect((await calibrate(dir, '--bundle', dir, '--folds', '1')).code).toBe(2);
  });

  it('exit 1 with the reason when the fit cannot succeed: an outlet with sales and no demand within reach', async () => {
    const far = writeMarketBundle(market, { far: true });
    const run = await calibrate(far, '--bundle', far);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/did not converge: the starting model predicts nothing for an outlet with observed sales/);
  });
});

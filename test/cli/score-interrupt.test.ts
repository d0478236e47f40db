/**
 * A run gives DuckDB a scratch folder to spill to (gigabytes for a long file): stopped with Ctrl-C
 * it removes the folder and exits 130. Runs the real command in a child process with its own
 * temporary folder, and interrupts it once the scratch folder exists.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'score-interrupt-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const scratchDirs = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('siteselect-score-'));

describe('siteselect score interrupted', () => {
  it('removes its scratch files on SIGINT and exits 130', async () => {
    const rows = ['id,lon,lat,rent'];
    for (let i = 0; i < 200_000; i++) rows.push(`S${i},${(113.95 + (i % 997) * 0.0002).toFixed(5)},${(22.5 + (i % 991) * 0.0002).toFixed(5)},${9000 + (i % 50)}`);
    writeFileSync(join(temp, 'many.csv'), rows.join('\n') + '\n');
    const own = join(temp, 'tmp'); // the child's temporary folder, so only its own scratch shows there
    mkdirSync(own);
    const child = spawn(process.execPath, [join(repo, 'bin', 'siteselect.mjs'), 'score', '--bundle', join(repo, 'data', 'sample'), '--candidates', 'many.csv', '--out', 'out.csv', '--threads', '1', '--quiet'], {
      cwd: temp, env: { ...process.env, TMPDIR: own }, stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let seen = false;
    for (let waited = 0; waited < 60_000 && !seen; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      seen = scratchDirs(own).length > 0;
    }
    expect(seen, 'the run made its scratch folder').toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(scratchDirs(own)).toEqual([]);
    expect(existsSync(join(temp, 'out.csv'))).toBe(false);
  }, 90_000);
});

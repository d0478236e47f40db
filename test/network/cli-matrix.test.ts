/** `siteselect network matrix` on the river fixture: the hand-worked walking and driving costs as CSV rows. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { riverRoads, UNIT } from './river-roads.ts';

const dir = await mkdtemp(join(tmpdir(), 'net-cli-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
await writeFile(join(dir, 'river.geojson'), JSON.stringify(riverRoads));
// P west of the river, Q east, R 4.4 km off in the sea
await writeFile(join(dir, 'a.csv'), 'id,lon,lat\nP,0.001,0\nR,0.04,0\n');
await writeFile(join(dir, 'b.csv'), 'id,lon,lat\nQ,0.002,0\nP2,0.001,0\n');

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd: dir };
  const code = await main(['network', 'matrix', '--osm', 'river.geojson', '--from', 'a.csv', '--to', 'b.csv', ...argv], io);
  return { code, stdout, stderr };
}

describe('siteselect network matrix', () => {
  it('writes walking minutes over the footbridge, and names the point that did not snap', async () => {
    const r = await run('--profile', 'walk', '--out', 'walk.csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 point(s) of --from farther than 500 m from every street, no rows: R');
    const minutes = Number(((5 * UNIT) / (4.8 / 3.6) / 60).toFixed(3));
    expect(await readFile(join(dir, 'walk.csv'), 'utf8')).toBe(`from,to,time_min\r\nP,Q,${minutes}\r\nP,P2,0\r\n`);
  });

  it('writes driving metres over the road bridge; --max drops pairs beyond it', async () => {
    await run('--profile', 'drive', '--metric', 'length', '--out', 'drive.csv');
    expect(await readFile(join(dir, 'drive.csv'), 'utf8')).toBe(`from,to,length_m\r\nP,Q,${(9 * UNIT).toFixed(1)}\r\nP,P2,0\r\n`);
    await run('--profile', 'drive', '--metric', 'length', '--max', '900', '--out', 'near.csv');
    expect(await readFile(join(dir, 'near.csv'), 'utf8')).toBe('from,to,length_m\r\nP,P2,0\r\n');
  });

  it('from 200 origins on (or once it is cached), an unbounded matrix runs on the contraction hierarchy with the same rows', async () => {
    // 200 points along the west street (x = 1, y from 0 to 4 units), to Q and P2.
    const rows = Array.from({ length: 200 }, (_, i) => `W${i},0.001,${((i * 4) / 199 / 1000).toFixed(7)}`);
    await writeFile(join(dir, 'many.csv'), `id,lon,lat\n${rows.join('\n')}\n`);
    const fast = await run('--profile', 'drive', '--metric', 'length', '--from', 'many.csv', '--out', 'many.csv.out', '--json');
    expect(JSON.parse(fast.stdout)).toMatchObject({ search: 'contraction hierarchy', hierarchy_from_cache: false });
    // The second run reads the hierarchy from the cache beside the graph, and writes the same rows.
    const cached = await run('--profile', 'drive', '--metric', 'length', '--from', 'many.csv', '--out', 'many-cached.csv', '--json');
    expect(JSON.parse(cached.stdout)).toMatchObject({ search: 'contraction hierarchy', hierarchy_from_cache: true });
    expect(await readFile(join(dir, 'many-cached.csv'), 'utf8')).toBe(await readFile(join(dir, 'many.csv.out'), 'utf8'));
    // A bound beyond every trip keeps the plain searches: the same file.
    const plain = await run('--profile', 'drive', '--metric', 'length', '--from', 'many.csv', '--max', '100000', '--out', 'many-plain.csv', '--json');
    expect(JSON.parse(plain.stdout).search).toBe('dijkstra');
    const text = await readFile(join(dir, 'many.csv.out'), 'utf8');
    expect(text).toBe(await readFile(join(dir, 'many-plain.csv'), 'utf8'));
    // W0 is P: 9 units by the road bridge to Q; W199 sits at the bridge's west end: 1 across, 4 down.
    expect(text).toContain(`W0,Q,${Number((9 * UNIT).toFixed(1))}\r\n`);
    expect(text).toContain(`W199,Q,${Number((5 * UNIT).toFixed(1))}\r\n`);
    // With the hierarchy cached, two origins use it too, and get the plain searches' rows.
    const few = await run('--profile', 'drive', '--metric', 'length', '--out', 'few.csv', '--json');
    expect(JSON.parse(few.stdout)).toMatchObject({ search: 'contraction hierarchy', hierarchy_from_cache: true });
    expect(await readFile(join(dir, 'few.csv'), 'utf8')).toBe(`from,to,length_m\r\nP,Q,${(9 * UNIT).toFixed(1)}\r\nP,P2,0\r\n`);
    // Walking has no hierarchy cached: plain searches for two origins.
    expect(JSON.parse((await run('--profile', 'walk', '--metric', 'length', '--out', 'few-walk.csv', '--json')).stdout).search).toBe('dijkstra');
  });

  it('refuses a missing profile and an unknown one with exit status 2', async () => {
    expect((await run('--out', 'x.csv')).code).toBe(2);
    const bad = await run('--profile', 'fly', '--out', 'x.csv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown travel profile 'fly'");
  });
});

/**
 * Issue 19 item 4: partial outputs must not look complete. Every output goes through a temporary
 * file beside it that replaces the target only when whole; a failure or Ctrl-C mid-write leaves
 * the target as it was and no temporary file behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { OutColumn } from '../../src/node/score/site-table.ts';
import { copyToParquet, writeRows } from '../../src/node/score/write-table.ts';
import { openNativeDatabase } from '../../src/node/duckdb-native.ts';
import { writeAtomically, writeFileAtomically } from '../../src/node/atomic-file.ts';

const repo = new URL('../../', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'atomic-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const leftovers = (): string[] => readdirSync(temp).filter((f) => f.includes('.partial'));

describe('atomic outputs', () => {
  it('write through a device or a pipe instead of replacing it (--out /dev/null, a FIFO)', async () => {
    await writeFileAtomically('/dev/null', 'discarded');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const fifo = join(temp, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const chunks: Buffer[] = [];
    const read = new Promise<string>((resolve, reject) => {
      createReadStream(fifo).on('data', (c) => chunks.push(c as Buffer)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).on('error', reject);
    });
    await writeAtomically(fifo, async (t) => writeFileSync(t, 'through the pipe'));
    expect(await read).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('replace the target only when the write completes', async () => {
    const file = join(temp, 'a.txt');
    writeFileSync(file, 'old');
    await expect(writeAtomically(file, async (t) => {
      writeFileSync(t, 'half');
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(leftovers()).toEqual([]);
    await writeFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(leftovers()).toEqual([]);
  });

  it('a CSV table that fails mid-way leaves the old file', async () => {
    const file = join(temp, 't.csv');
    writeFileSync(file, 'previous scores');
    const columns: OutColumn[] = [{ name: 'id', sql: 'id', kind: 'text' }];
    const db = await openNativeDatabase();
    async function* chunks(): AsyncGenerator<DuckDBDataChunk> {
      yield* db.vectorChunks(`SELECT 's' || i AS id FROM range(2) t(i)`);
      throw new Error('row 2 failed');
    }
    try {
      await expect(writeRows(file, columns, chunks(), 'csv')).rejects.toThrow('row 2 failed');
    } finally {
      await db.close();
    }
    expect(readFileSync(file, 'utf8')).toBe('previous scores');
    expect(leftovers()).toEqual([]);
  });

  it('a Parquet table whose query fails leaves the old file', async () => {
    const file = join(temp, 't.parquet');
    writeFileSync(file, 'previous scores');
    const db = await openNativeDatabase();
    try {
      await expect(copyToParquet(db, file, `SELECT CASE WHEN i = 2 THEN error('row 2 failed') ELSE 's' || i END AS id FROM range(5) t(i)`)).rejects.toThrow('row 2 failed');
    } finally {
      await db.close();
    }
    expect(readFileSync(file, 'utf8')).toBe('previous scores');
    expect(leftovers()).toEqual([]);
  });

  it('Ctrl-C during the write: exit 130, the target untouched, no temporary file left', async () => {
    const file = join(temp, 'big.csv');
    writeFileSync(file, 'complete earlier output\n');
    // A child that writes half a table, says so, then waits to be interrupted.
    const script = `
      import { BlockWriter } from ${JSON.stringify(join(repo, 'src/node/score/block-writer.ts'))};
      const out = await BlockWriter.open(${JSON.stringify(file)});
      for (let i = 0; i < 50000; i++) await out.write('row ' + i + ',' + 'x'.repeat(40) + '\\n');
      process.stdout.write('half\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    expect(leftovers().length).toBe(1);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readFileSync(file, 'utf8')).toBe('complete earlier output\n');
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('a notebook interrupted mid-run leaves no .run.mjs scratch beside it', async () => {
    const nb = join(temp, 'hang.ts');
    writeFileSync(nb, '// %% wait\nsetInterval(() => {}, 1000);\nawait new Promise(() => {});\n');
    const scratch = (): string[] => readdirSync(temp).filter((f) => f.endsWith('.run.mjs'));
    const child = spawn(process.execPath, [join(repo, 'bin', 'siteselect.mjs'), 'notebook', nb, '--out', join(temp, 'hang.html')], { cwd: temp, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let waited = 0; waited < 30_000 && scratch().length === 0; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(scratch().length).toBe(1);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(scratch()).toEqual([]);
  }, 60_000);
});

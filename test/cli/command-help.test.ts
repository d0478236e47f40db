/**
 * `siteselect <command> --help` prints the command's own usage while loading only its text
 * (src/cli/usage/): the usage modules import nothing but other help texts and constants, so a
 * command's --help costs what `siteselect --help` costs (bench:cli-start, not a timed test).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const usageDir = path.resolve(import.meta.dirname, '../../src/cli/usage');
const names = readdirSync(usageDir).map((f) => f.replace(/\.ts$/, ''));
/** What a help text may import: other help texts and plain constants. */
const LIGHT = new Set(['../network/usage.ts', '../../node/score/memory-limit.ts']);
const LIGHT_TRANSITIVE = ['src/cli/network/usage.ts', 'src/cli/network/graph-usage.ts', 'src/node/score/memory-limit.ts'];

describe('each command --help', () => {
  it.each(names)('%s: prints the command’s usage', async (name) => {
    let out = '';
    const code = await main([name, '--help'], { stdout: (t) => (out += t), stderr: () => {}, stderrIsTTY: false, cwd: usageDir });
    expect(code).toBe(0);
    const { command } = (await import(`../../src/cli/commands/${name}.ts`)) as { command: { usage: string } };
    expect(out).toBe(command.usage.trimEnd() + '\n');
    expect(out).toMatch(new RegExp(`^Usage: siteselect ${name}\\b`));
  });

  it('every command has its help text apart', () => {
    const commands = readdirSync(path.resolve(usageDir, '../commands')).map((f) => f.replace(/\.ts$/, ''));
    expect([...names].sort()).toEqual([...commands].sort());
  });

  it('the help texts import only help texts and constants', () => {
    for (const name of names) {
      const imports = [...readFileSync(path.join(usageDir, `${name}.ts`), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) expect(LIGHT.has(i), `${name}.ts imports ${i}`).toBe(true);
    }
    const repo = path.resolve(usageDir, '../../..');
    for (const file of LIGHT_TRANSITIVE) {
      const imports = [...readFileSync(path.join(repo, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => path.join(path.dirname(file), m[1]));
      for (const i of imports) expect(LIGHT_TRANSITIVE, `${file} imports ${i}`).toContain(i);
    }
  });
});

/**
 * `siteselect <command> --help` prints the help written from the command's own option
 * declarations (src/cli/usage/), loading only them: the usage modules import nothing but the
 * declarations' helpers and plain constants, so a command's --help costs what `siteselect --help`
 * costs (bench:cli-start, not a timed test). The flags the help lists are the flags the command
 * takes, both ways.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { optionsOf, type CommandSpec } from '../../src/cli/help-text.ts';
import { main } from '../../src/cli/main.ts';

const usageDir = path.resolve(import.meta.dirname, '../../src/cli/usage');
const names = readdirSync(usageDir).map((f) => f.replace(/\.ts$/, ''));
/** What a usage module may import at run time (type imports aside), and what those import in turn. */
const LIGHT = ['src/cli/help-text.ts', 'src/cli/common-options.ts', 'src/cli/network/usage.ts', 'src/errors.ts', 'src/node/score/memory-limit.ts', 'src/optimize/problem.ts'];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, cwd: usageDir };
  return { code: await main(argv, io), out, err };
}

async function specOf(name: string): Promise<CommandSpec> {
  return ((await import(`../../src/cli/usage/${name}.ts`)) as { SPEC: CommandSpec }).SPEC;
}

/** A value each kind of option takes. */
function sample(o: CommandSpec['options'][string]): string[] {
  if (o.kind === 'flag') return [];
  if (o.kind === 'choice') return [o.choices[0]];
  if (o.kind === 'whole' || o.kind === 'number') return [String(o.min ?? (o.above !== undefined ? o.above + 1 : 1))];
  return ['x'];
}

describe('each command --help', () => {
  it.each(names)('%s: prints its usage, every option it takes, and --help', async (name) => {
    const { code, out } = await run(name, '--help');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^Usage: siteselect ${name}\\b`));
    const specs = [await specOf(name), ...((await specOf(name)).jobs ?? [])];
    for (const spec of specs) {
      for (const flag of Object.keys(optionsOf(spec))) expect(out, `${spec.name} --${flag}`).toMatch(new RegExp(`^  --${flag}\\b`, 'm'));
    }
    expect(out).toMatch(/^ {2}--help, -h +this text$/m);
    expect(Math.max(...out.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });

  it.each(names)('%s: every flag its help lists is one it parses (not an unknown option)', async (name) => {
    const spec = await specOf(name);
    for (const job of spec.jobs ?? [spec]) {
      const words = job === spec ? [name] : job.name.split(' ');
      for (const [flag, o] of Object.entries(optionsOf(job))) {
        const { err } = await run(...words, `--${flag}`, ...sample(o), '--no-such-flag');
        expect(err, `${job.name} --${flag}`).toContain(`unknown option --no-such-flag; see siteselect ${job.name} --help`);
      }
    }
  });

  it('the usage modules import only option declarations and constants', () => {
    const repo = path.resolve(usageDir, '../../..');
    const files = [...names.map((n) => `src/cli/usage/${n}.ts`), ...LIGHT];
    for (const file of files) {
      const imports = [...readFileSync(path.join(repo, file), 'utf8').matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => path.join(path.dirname(file), m[1]));
      for (const i of imports) expect(LIGHT, `${file} imports ${i}`).toContain(i);
    }
  });
});

/**
 * One argument parser for every command (issue 13): the same mistake gets the same sentence from
 * score, report, validate, optimize, init and notebook, naming the option and where the usage is.
 */
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';

async function run(...argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = { stdout: () => {}, stderr: (t) => { stderr += t; }, stderrIsTTY: false, cwd: process.cwd() };
  return { code: await main(argv, io), stderr };
}

describe('the flags of every command', () => {
  it.each(['score', 'report', 'validate', 'optimize', 'init', 'huff', 'mix', 'territories', 'calibrate'])('%s: an unknown option is named, exit 2', async (command) => {
    const r = await run(command, '--colour', 'red');
    expect(r).toEqual({ code: 2, stderr: `siteselect ${command}: unknown option --colour; see siteselect ${command} --help\n` });
  });

  it.each([['score', '--scenario'], ['report', '--scenario'], ['validate', '--rejects'], ['huff', '--scenario'], ['optimize', '--model']])('%s: %s at the end, empty, or followed by another option', async (command, flag) => {
    expect(await run(command, flag)).toEqual({ code: 2, stderr: `siteselect ${command}: ${flag} needs a value; see siteselect ${command} --help\n` });
    expect(await run(command, `${flag}=`)).toEqual({ code: 2, stderr: `siteselect ${command}: ${flag} needs a value; see siteselect ${command} --help\n` });
    expect(await run(command, flag, '--bundle', 'data/sample')).toEqual({ code: 2, stderr: `siteselect ${command}: ${flag} needs a value, but the next argument is the option --bundle\n` });
  });

  it.each(['score', 'report', 'validate', 'huff'])('%s: the bundle bare or by --bundle, one of them', async (command) => {
    expect(await run(command, 'a', 'b')).toEqual({ code: 2, stderr: `siteselect ${command}: one bundle at a time (got a and b); see siteselect ${command} --help\n` });
    expect(await run(command, '--bundle', 'a', 'b')).toEqual({ code: 2, stderr: `siteselect ${command}: one bundle at a time (got a and b); see siteselect ${command} --help\n` });
    expect(await run(command)).toEqual({ code: 2, stderr: `siteselect ${command}: name the bundle folder with --bundle DIR, e.g. siteselect ${command} --bundle data/sample\n` });
  });

  it('a switch takes no value; a command without a bare argument refuses one', async () => {
    expect(await run('score', 'data/sample', '--json=yes')).toEqual({ code: 2, stderr: "siteselect score: --json takes no value, got '--json=yes'; see siteselect score --help\n" });
    expect(await run('optimize', 'pmedian')).toEqual({ code: 2, stderr: "siteselect optimize: unexpected argument 'pmedian'; see siteselect optimize --help\n" });
  });

  it.each([
    ['score', '--threds', '--threads'], ['score', '--candidate', '--candidates'], ['report', '--scenaro', '--scenario'], ['validate', '--reject', '--rejects'],
    ['optimize', '--modle', '--model'], ['init', '--froce', '--force'], ['calibrate', '--obseved', '--observed'],
  ])('%s %s: the message suggests the nearest option, %s', async (command, typo, meant) => {
    expect(await run(command, typo, '1')).toEqual({ code: 2, stderr: `siteselect ${command}: unknown option ${typo} (did you mean ${meant}?); see siteselect ${command} --help\n` });
  });

  it('a job of a command is named in the message: network matrix', async () => {
    expect(await run('network', 'matrix', '--metrc', 'time')).toEqual({ code: 2, stderr: 'siteselect network: unknown option --metrc (did you mean --metric?); see siteselect network matrix --help\n' });
    expect(await run('network', 'route')).toEqual({ code: 2, stderr: "siteselect network: unknown job 'route'; use matrix or area (see siteselect network --help)\n" });
  });

  it('declared values: kinds, ranges and choices are checked by the one parser, with the flag named', async () => {
    expect((await run('report', 'data/sample', '--top', '0')).stderr).toBe("siteselect report: --top needs a whole number ≥ 1, got '0'\n");
    expect((await run('score', 'data/sample', '--threads', '65')).stderr).toBe("siteselect score: --threads needs a whole number from 1 to 64, got '65'\n");
    expect((await run('territories', 'data/sample', '--radius', '-5')).stderr).toBe("siteselect territories: --radius needs a number > 0, got '-5'\n");
    expect((await run('mix', 'data/sample', '--method', 'fast')).stderr).toBe("siteselect mix: --method must be one of auto, exact, heuristic, got 'fast'\n");
  });

  it('an option that only applies with another is refused without it; a required one is asked for', async () => {
    expect((await run('score', 'data/sample', '--draws', '10')).stderr).toBe('siteselect score: --draws only applies with --sensitivity\n');
    expect((await run('optimize', '--costs', 'c.csv', '--capacity-col', 'cap', '--model', 'pmedian')).stderr).toBe('siteselect optimize: --capacity-col only applies with --bundle\n');
    expect((await run('optimize', '--p', '2')).stderr).toBe('siteselect optimize: --model mclp|lscp|pmedian|pcenter|huff is required (the model to solve, one of the Models above); see siteselect optimize --help\n');
  });

  it('notebook: its own arguments go after --, and the message says so', async () => {
    expect(await run('notebook', 'n.ts', '--city', 'x')).toEqual({ code: 2, stderr: 'siteselect notebook: unknown option --city; see siteselect notebook --help (arguments for the notebook go after --)\n' });
  });
});

/**
 * `siteselect <command> …`: a thin dispatcher. Each command lives in its own file under
 * commands/ and is loaded only when asked for, so `validate` does not pay for the optimiser,
 * `siteselect --help` loads no command at all (the summaries live here, beside the loaders) and
 * `siteselect <command> --help` loads only that command's options and text (usage/). The
 * arguments are parsed by those options before the command is loaded.
 */
import { EXIT_FAILURE, EXIT_USAGE, type CliIO, type Command } from './command.ts';
import { helpText, type CommandSpec } from './help-text.ts';
import { parseCommandLine } from './parse-options.ts';
import { systemErrorMessage } from './system-error.ts';
import { BundleError, UsageError } from '../errors.ts';

interface CommandEntry {
  summary: string;
  /** The command's options and help alone (src/cli/usage/), so `<command> --help` loads no command code. */
  usage: () => Promise<{ SPEC: CommandSpec }>;
  /** The command, or the job of a command with jobs (`network matrix`). */
  load: (job: string) => Promise<{ command: Command }>;
}

/** Literal import paths, so the build compiles every command and a bundler can split them. */
const COMMANDS: Record<string, CommandEntry> = {
  init: { summary: 'propose a bundle.json for a folder of data files (layers and column roles)', usage: () => import('./usage/init.ts'), load: () => import('./commands/init.ts') },
  validate: { summary: 'check a bundle: per layer read / loaded / rejected and the first rejects', usage: () => import('./usage/validate.ts'), load: () => import('./commands/validate.ts') },
  score: { summary: 'score candidate sites (coordinates or addresses) and shortlist the best per region', usage: () => import('./usage/score.ts'), load: () => import('./commands/score.ts') },
  report: { summary: 'run the funnel and write a self-contained HTML report (maps, tables, breakdown)', usage: () => import('./usage/report.ts'), load: () => import('./commands/report.ts') },
  optimize: { summary: 'choose sites: MCLP, LSCP, p-median, p-center, Huff share (HiGHS / heuristics with bounds)', usage: () => import('./usage/optimize.ts'), load: () => import('./commands/optimize.ts') },
  mix: { summary: 'channel mix: which outlet type (branch, self-service, agent) where, within a budget and mix rules', usage: () => import('./usage/mix.ts'), load: () => import('./commands/mix.ts') },
  territories: { summary: 'exclusive territories for the own outlets, their balance and the outlets that poach each other', usage: () => import('./usage/territories.ts'), load: () => import('./commands/territories.ts') },
  huff: { summary: 'the Huff model outlet by outlet: what each candidate takes from every own outlet and competitor', usage: () => import('./usage/huff.ts'), load: () => import('./commands/huff.ts') },
  calibrate: { summary: 'fit the Huff/MCI model to the own network\'s observed sales, deposits or customers', usage: () => import('./usage/calibrate.ts'), load: () => import('./commands/calibrate.ts') },
  notebook: { summary: 'run a notebook headless and write a self-contained HTML report', usage: () => import('./usage/notebook.ts'), load: () => import('./commands/notebook.ts') },
  network: { summary: 'travel time over streets: network cost matrices', usage: () => import('./usage/network.ts'), load: (job) => (job === 'area' ? import('./network/area.ts') : import('./network/matrix.ts')) },
};

export function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

function help(io: CliIO): void {
  const lines = ['siteselect — site-selection analytics (regions → districts → sites)', '', 'Usage: siteselect <command> [options]', '', 'Commands:'];
  for (const [name, entry] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${entry.summary}`);
  lines.push('', 'Run `siteselect <command> --help` for its options.');
  io.stdout(lines.join('\n') + '\n');
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    io.stderr(`siteselect: unknown command '${name}'. Run 'siteselect --help' for the list.\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(helpText((await COMMANDS[name].usage()).SPEC) + '\n');
    return 0;
  }
  try {
    const spec = (await COMMANDS[name].usage()).SPEC;
    const [job, args] = spec.jobs ? [rest[0], rest.slice(1)] : ['', rest];
    const jobSpec = spec.jobs ? spec.jobs.find((j) => j.name === `${name} ${job}`) : spec;
    if (jobSpec === undefined) throw new UsageError(`${job === undefined ? 'name a job:' : `unknown job '${job}'; use`} ${spec.jobs!.map((j) => j.name.slice(name.length + 1)).join(' or ')} (see siteselect ${name} --help)`);
    const line = parseCommandLine(args, jobSpec);
    const { command } = await COMMANDS[name].load(job);
    return await command.run(line, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof BundleError) {
      io.stderr(`siteselect ${name}: ${err.message}\n`);
      return EXIT_USAGE;
    }
    const system = systemErrorMessage(err);
    io.stderr(`siteselect ${name}: ${system ?? (err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
    return EXIT_FAILURE;
  }
}

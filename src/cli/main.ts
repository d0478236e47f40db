/**
 * `siteselect <command> …`: a thin dispatcher. Each command lives in its own file under
 * commands/ and is loaded only when asked for, so `validate` does not pay for the optimiser.
 */
import { EXIT_FAILURE, EXIT_USAGE, type CliIO, type Command } from './command.ts';
import { BundleError, UsageError } from '../data/errors.ts';

const COMMANDS = ['validate', 'score', 'report', 'optimize', 'calibrate', 'notebook', 'network'] as const;
type CommandName = (typeof COMMANDS)[number];

function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

async function loadCommand(name: CommandName): Promise<Command> {
  const mod: { command: Command } = await import(`./commands/${name}.ts`);
  return mod.command;
}

export function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

async function help(io: CliIO): Promise<void> {
  const lines = ['siteselect — site-selection analytics (regions → districts → sites)', '', 'Usage: siteselect <command> [options]', '', 'Commands:'];
  for (const name of COMMANDS) {
    try {
      const c = await loadCommand(name);
      lines.push(`  ${name.padEnd(10)} ${c.summary}`);
    } catch {
      // A command whose module is absent is simply not listed.
    }
  }
  lines.push('', 'Run `siteselect <command> --help` for its options.');
  io.stdout(lines.join('\n') + '\n');
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await help(io);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (!isCommandName(name)) {
    io.stderr(`siteselect: unknown command '${name}'. Run 'siteselect --help' for the list.\n`);
    return EXIT_USAGE;
  }
  const command = await loadCommand(name);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.trimEnd() + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof BundleError) {
      io.stderr(`siteselect ${name}: ${err.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`siteselect ${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

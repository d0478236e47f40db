/** What every `siteselect` sub-command module exports (src/cli/commands/<name>.ts). */
import type { CommandSpec } from './help-text.ts';
import type { CommandLine } from './parse-options.ts';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when standard error is a terminal (progress bars only then). */
  stderrIsTTY: boolean;
  cwd: string;
}

/** A command's summary sits in main.ts, its options and help in usage/, so `--help` loads no command. */
export interface Command<S extends CommandSpec = CommandSpec> {
  /** The command line as parsed by the command's options; returns the exit status: 0 done, 1 failure, 2 bad usage or unusable input. */
  run(line: CommandLine<S>, io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

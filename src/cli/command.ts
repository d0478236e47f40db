/** What every `siteselect` sub-command module exports (src/cli/commands/<name>.ts). */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when standard error is a terminal (progress bars only then). */
  stderrIsTTY: boolean;
  cwd: string;
}

/** A command's one-line summary sits in main.ts beside its loader, so `--help` loads no command. */
export interface Command {
  usage: string;
  /** Returns the exit status: 0 done, 1 failure, 2 bad usage or unusable input. */
  run(args: string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

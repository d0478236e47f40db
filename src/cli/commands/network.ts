/**
 * `siteselect network <job>`: travel over a street network built from OpenStreetMap or road
 * lines. Each job lives in src/cli/network/ and is loaded only when asked for.
 */
import { UsageError } from '../../data/errors.ts';
import type { Command } from '../command.ts';
import { MATRIX_USAGE } from '../network/usage.ts';

const USAGE = `Usage: siteselect network <job> [options]

Jobs:
  matrix   shortest-path costs (minutes or metres) between two point files, within a bound, as CSV

The jobs' options follow.

${MATRIX_USAGE}`;

export const command: Command = {
  usage: USAGE,
  async run(args, io) {
    const [job, ...rest] = args;
    if (job === 'matrix') {
      const { runMatrix } = await import('../network/matrix.ts');
      return runMatrix(rest, io);
    }
    throw new UsageError(job === undefined ? `name a job: matrix (see siteselect network --help)` : `unknown job '${job}'; use matrix (see siteselect network --help)`);
  },
};

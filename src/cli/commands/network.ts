/**
 * `siteselect network <job>`: travel over a street network built from OpenStreetMap or road
 * lines. Each job lives in src/cli/network/ and is loaded only when asked for.
 */
import { UsageError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { USAGE } from '../usage/network.ts';

export const command: Command = {
  usage: USAGE,
  async run(args, io) {
    const [job, ...rest] = args;
    if (job === 'matrix') {
      const { runMatrix } = await import('../network/matrix.ts');
      return runMatrix(rest, io);
    }
    if (job === 'area') {
      const { runArea } = await import('../network/area.ts');
      return runArea(rest, io);
    }
    throw new UsageError(job === undefined ? `name a job: matrix or area (see siteselect network --help)` : `unknown job '${job}'; use matrix or area (see siteselect network --help)`);
  },
};

/**
 * `siteselect network <job>`: travel over a street network built from OpenStreetMap or road
 * lines. Each job lives in src/cli/network/ and is loaded only when asked for.
 */
import { UsageError } from '../../data/errors.ts';
import type { Command } from '../command.ts';
import { AREA_USAGE, MATRIX_USAGE } from '../network/usage.ts';

const USAGE = `Usage: siteselect network <job> [options]

Jobs:
  matrix   shortest-path costs (minutes or metres) between two point files, within a bound, as CSV
  area     a site's trade areas (5/10/15 minutes …) with the demand, competitors and outlets inside, as GeoJSON

The jobs' options follow.

${MATRIX_USAGE}

${AREA_USAGE}`;

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

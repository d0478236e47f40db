/** The help text of `siteselect network`, apart from the command so that `--help` loads nothing else. */
import { AREA_USAGE, MATRIX_USAGE } from '../network/usage.ts';

export const USAGE = `Usage: siteselect network <job> [options]

Jobs:
  matrix   shortest-path costs (minutes or metres) between two point files, within a bound, as CSV
  area     a site's trade areas (5/10/15 minutes …) with the demand, competitors and outlets inside, as GeoJSON

The jobs' options follow.

${MATRIX_USAGE}

${AREA_USAGE}`;

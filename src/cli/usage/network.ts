/** The help of `siteselect network`, apart from the command so that `--help` loads nothing else. */
import { defineCommand } from '../help-text.ts';
import { AREA, MATRIX } from '../network/usage.ts';

export const SPEC = defineCommand({
  name: 'network',
  usage: ['<job> [options]'],
  about: `
Jobs:
  matrix   shortest-path costs (minutes or metres) between two point files, within a bound, as CSV
  area     a site's trade areas (5/10/15 minutes …) with the demand, competitors and outlets
           inside, as GeoJSON`,
  options: {},
  jobs: [MATRIX, AREA],
});

/** `siteselect huff`'s options and help, apart from the command so that `--help` loads nothing else. */
import { CANDIDATES, CRS, ID_COLUMN, SCENARIO } from '../common-options.ts';
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'huff',
  usage: ['--bundle DIR [--sites ID,ID…] [--out FILE] [options]'],
  about: `
The Huff model outlet by outlet: for each candidate c, one row for c and one for every own outlet
and competitor that serves c's trade area (the demand within the cut-off of c), with
  probability_before, probability_after  the mean Huff probability P_ij over c's trade area
                                         (weighted by its demand) without and with c open;
                                         the rows of one candidate sum to 1 after opening
  capture_before, capture_after, change  the outlet's captured demand over all its demand
c's capture_after is its huff_share capture; the own outlets' change sums to minus its
cannibalisation. The scenario's huff settings (alpha, beta, cut-off, floor) and its first
huff_share (else cannibalisation) criterion's demand column and brands are used; a site's
attractiveness is its attractiveness column, else its type's (outletTypes[candidateType]).`,
  operand: 'bundle',
  options: {
    scenario: SCENARIO,
    candidates: CANDIDATES,
    'id-column': ID_COLUMN,
    crs: CRS,
    sites: { kind: 'list', value: 'ID,ID…', help: 'only these candidates', shown: 'all' },
    out: { kind: 'text', value: 'FILE', default: 'huff.csv', help: 'the CSV written' },
    quiet: { kind: 'flag', short: 'q', help: 'print nothing but errors' },
  },
});

/** `siteselect territories`' options and help, apart from the command so that `--help` loads nothing else. */
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'territories',
  usage: ['--bundle DIR|FILE [--rule nearest|balanced] [--out FILE] [options]'],
  about: `
Gives each own outlet (the bundle's network layer) an exclusive territory of demand points:
  nearest    every point to its nearest outlet
  balanced   outlets priced until their territories hold about the same demand, each point kept
             with a near outlet
Reports each territory's demand, share and balance (demand / mean; 1 = even), and the conflicts:
pairs of outlets whose trade areas (demand within --radius) share at least --conflict-share of the
smaller one's, with the demand they share (窜货). Distances are great-circle metres.`,
  operand: 'bundle',
  options: {
    rule: { kind: 'choice', choices: ['nearest', 'balanced'], default: 'nearest', help: 'how demand is given to outlets (above)' },
    radius: { kind: 'number', value: 'METRES', above: 0, default: 1000, help: "an outlet's trade area: the demand within this distance" },
    'conflict-share': { kind: 'number', value: 'S', above: 0, default: 0.1, help: 'the share of the smaller trade area two outlets share in a conflict' },
    out: {
      kind: 'text', value: 'FILE.geojson',
      help: `the territories as polygons: the demand points' Voronoi cells dissolved per outlet, clipped to the study area
        (the bundle's districts, else its regions, else the demand's bounding box) (properties: outlet, demand, share, balance, points)`,
    },
    json: { kind: 'flag', help: 'print one JSON object: territories, conflicts, unassigned demand' },
  },
});

/** `siteselect mix`'s options and help, apart from the command so that `--help` loads nothing else. */
import { JSON_SUMMARY, SCENARIO, SOLVER } from '../common-options.ts';
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'mix',
  usage: ['--bundle DIR|FILE [--scenario FILE] [--budget N] [options]'],
  about: `
Channel mix (合理配比): candidates may each open as one outlet of several types (full branch,
self-service, agent …); the run picks the sites and their type within a budget and the mix rules,
maximising the demand served, each demand point counted at the attractiveness of the best outlet
type within that type's radius (a point near a branch of attractiveness 1 counts in full, one
reached only by an ATM of 0.3 counts 0.3 of its weight). The own network counts as existing
outlets of its type (its "type" column).

The scenario gives each type's cost, radius and attractiveness in outletTypes, and the mix in
channelMix:
  "outletTypes": { "branch": { "radius": 2000, "attractiveness": 1, "cost": 300 },
                   "self-service": { "radius": 500, "attractiveness": 0.3, "cost": 40 } },
  "channelMix": { "budget": 1000, "types": ["branch", "self-service"], "typesColumn": "types",
    "rules": [ { "rule": "count", "type": "branch", "min": 1, "scope": "district" },
               { "rule": "ratio", "type": "branch", "atLeast": 1, "forEvery": 4, "of": "agent" },
               { "rule": "density", "type": "self-service", "max": 2, "perResidents": 10000,
                 "scope": "district" },
               { "rule": "near", "type": "self-service", "of": "branch", "within": 800 } ] }
Rules count existing and new outlets; "scope" is global (default) or district. typesColumn names a
candidate column listing the types a site may host ('branch|agent'; empty: any).`,
  operand: 'bundle',
  options: {
    scenario: SCENARIO,
    budget: { kind: 'number', value: 'N', min: 0, help: 'overrides channelMix.budget' },
    ...SOLVER,
    method: { ...SOLVER.method, help: 'auto: the exact MILP up to 500 000 coverage pairs, for at most 120 s unless --time-limit says otherwise; beyond, a greedy that keeps the rules, with a proven bound' },
    json: { ...JSON_SUMMARY, help: 'print one JSON object (schemas/channel-mix-summary.schema.json)' },
  },
  exit: '0 solved, 1 solver failure, 2 bad usage or unusable input.',
});

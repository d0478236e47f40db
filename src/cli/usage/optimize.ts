/** `siteselect optimize`'s options and help, apart from the command so that `--help` loads nothing else. */
import { MODEL_NAMES } from '../../optimize/problem.ts';
import { BUNDLE, SCENARIO, SOLVER } from '../common-options.ts';
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'optimize',
  usage: [
    '--model M [--p N|FROM..TO] [--radius METRES] --bundle DIR|FILE [options]',
    '--model M --costs FILE --origin-col C … --weight-col C [options]',
  ],
  about: `
Chooses sites to open. Models:
  mclp     maximise demand within --radius of an open site (p new sites)
  lscp     fewest sites putting all demand within --radius
  pmedian  minimise demand-weighted distance to the nearest open site (p new sites)
  pcenter  minimise the largest distance to the nearest open site (p new sites)
  huff     maximise the own network's Huff market share (p new sites; --radius = Huff cut-off)`,
  options: {
    bundle: {
      ...BUNDLE, heading: 'Inputs (one of):',
      help: "the bundle folder or its manifest (any name): demand × candidates (or a lattice), great-circle metres (or over streets with --network); the own network is added as fixed open sites 'own:ID'",
    },
    scenario: { ...SCENARIO, help: "Huff settings, the candidate type's radius and the lattice spacing" },
    costs: { kind: 'text', value: 'FILE', help: 'long-format CSV, one row per origin–destination pair (as PySAL users have it), its columns named by the four options below; missing pairs are unreachable' },
    'origin-col': { kind: 'text', value: 'C', with: 'costs', help: 'the demand id' },
    'destination-col': { kind: 'text', value: 'C', with: 'costs', help: 'the facility id' },
    'cost-col': { kind: 'text', value: 'C', with: 'costs', help: 'the cost (metres)' },
    'weight-col': { kind: 'text', value: 'C', with: 'costs', help: 'the demand weight, repeated on each of its rows' },
    model: { kind: 'choice', choices: MODEL_NAMES, required: true, heading: 'Options:', help: 'the model to solve, one of the Models above' },
    p: {
      kind: 'text', value: 'N|FROM..TO',
      help: `new sites to open besides the fixed ones; FROM..TO: how many outlets: solve every p in the range and print the
        objective curve with each step's marginal gain and the knee (--json: optimize-curve.schema.json)`,
    },
    radius: { kind: 'number', value: 'METRES', help: 'service radius (mclp, lscp), Huff cut-off; with other models it only sets coverage_pct' },
    network: { kind: 'text', value: 'walk|bike|drive', with: 'bundle', help: 'costs over the bundle\'s street network ("roads" in its bundle.json), only pairs within --radius (sparse); demand travels to the site' },
    'network-metric': { kind: 'choice', choices: ['length', 'time'], default: 'length', help: 'length in metres (--radius stays in metres) or time in minutes' },
    fixed: { kind: 'list', value: 'ID,ID,…', help: 'facilities kept open (counted in the objective)' },
    capacity: { kind: 'number', value: 'W', min: 0, help: 'pmedian, mclp: each site serves at most W demand weight (capacitated models)' },
    'capacity-col': { kind: 'text', value: 'C', with: 'bundle', help: "each candidate's (and own outlet's) capacity from its numeric column C; an empty cell falls back to --capacity-type, then --capacity W" },
    'capacity-type': {
      kind: 'text', value: 'T=W,…', with: 'bundle',
      help: `capacity per outlet type, e.g. branch=50000,agent=20000 (own outlets by their type, candidates by their type column,
        else the scenario's candidateType); a site left with no capacity is named`,
    },
    'single-source': { kind: 'flag', help: "with a capacity: all of a demand point's weight goes to one site" },
    'time-limit': { ...SOLVER['time-limit'], help: `${SOLVER['time-limit'].help}, and for the p-median / p-center heuristics`, shown: '30' },
    method: SOLVER.method,
    json: {
      kind: 'flag',
      help: `print one JSON object (schemas/optimize-summary.schema.json, whose fields say what mean_distance and rejected_rows
        count); the input rows not loaded are each named on standard error`,
    },
  },
  after: `
Exact MILP limits (src/optimize/limits.ts): p-median/p-center up to 50 000 demand–facility pairs
(p-median counts only the pairs nearer than each point's nearest fixed site), MCLP/LSCP up to 50 000
pairs within the radius, Huff share up to 20 000 subsets (enumeration). Beyond them: p-median by
greedy + fast interchange + neighbourhood search with a Lagrangian lower bound; LSCP by greedy cover
with a Lagrangian bound; p-center by a radius search over greedy covers, then (auto) exact
covers of the demand beyond the fixed sites where that residual fits the MILP; MCLP and Huff share
by lazy greedy with a bound. --method exact tries the MILP beyond these limits (set --time-limit).`,
  exit: '0 solved, 1 solver failure, 2 bad usage or unusable input.',
});

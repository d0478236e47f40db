/** The help text of `siteselect optimize`, apart from the command so that `--help` loads nothing else. */
export const USAGE = `Usage: siteselect optimize --model mclp|lscp|pmedian|pcenter|huff [--p N|FROM..TO] [--radius METRES]
         (--bundle DIR|FILE [--scenario FILE] | --costs FILE --origin-col C --destination-col C --cost-col C --weight-col C)
         [--fixed ID,ID,…] [--capacity W] [--capacity-col C] [--capacity-type T=W,…] [--single-source] [--time-limit S] [--method auto|exact|heuristic] [--json]

Chooses sites to open. Models:
  mclp     maximise demand within --radius of an open site (p new sites)
  lscp     fewest sites putting all demand within --radius
  pmedian  minimise demand-weighted distance to the nearest open site (p new sites)
  pcenter  minimise the largest distance to the nearest open site (p new sites)
  huff     maximise the own network's Huff market share (p new sites; --radius = Huff cut-off)

Inputs (one of):
  --bundle DIR|FILE    (a folder's bundle.json or a manifest of any name)
                       demand × candidates (or a lattice), great-circle metres (or over streets with
                       --network); the own network is
                       added as fixed open sites 'own:ID'. --scenario FILE supplies Huff settings,
                       the candidate type's radius and the lattice spacing.
  --costs FILE         long-format CSV, one row per origin–destination pair (as PySAL users have it):
                       --origin-col (demand id), --destination-col (facility id), --cost-col (metres),
                       --weight-col (demand weight, repeated on each of its rows). Missing pairs are
                       unreachable.

Options:
  --network P          walk, bike or drive: costs over the bundle's street network ("roads" in its
                       bundle.json), only pairs within --radius (sparse); demand travels to the site
  --network-metric M   length in metres (default, --radius stays in metres) or time in minutes
  --p N                new sites to open besides the fixed ones
  --p FROM..TO         how many outlets: solve every p in the range and print the objective curve
                       with each step's marginal gain and the knee (--json: optimize-curve.schema.json)
  --radius METRES      service radius (mclp, lscp), Huff cut-off; with other models it only sets coverage_pct
  --fixed ID,ID,…      facilities kept open (counted in the objective)
  --capacity W         pmedian, mclp: each site serves at most W demand weight (capacitated models)
  --capacity-col C     with --bundle: each candidate's (and own outlet's) capacity from its numeric
                       column C; an empty cell falls back to --capacity-type, then --capacity W
  --capacity-type T=W,…  with --bundle: capacity per outlet type, e.g. branch=50000,agent=20000 (own
                       outlets by their type, candidates by their type column, else the scenario's
                       candidateType); a site left with no capacity is named
  --single-source      with a capacity: all of a demand point's weight goes to one site
  --time-limit S       wall-clock limit in seconds for HiGHS (on expiry the best solution is reported
                       with its gap) and for the p-median / p-center heuristics (default 30)
  --method M           auto (default: exact when the instance fits, else the heuristic with its
                       proven gap), exact, heuristic
  --json               print one JSON object (schemas/optimize-summary.schema.json): model, method,
                       exact, objective, bound, gap, selected, fixed, coverage_pct, mean_distance, …
                       mean_distance is demand-weighted over the demand that reaches an open site
                       (for mclp and lscp from a bundle: the covered demand, within --radius);
                       rejected_rows counts the input rows not loaded (candidates and demand of a
                       bundle, or rows of --costs), each named on standard error

Exact MILP limits (src/optimize/limits.ts): p-median/p-center up to 50 000 demand–facility pairs
(p-median counts only the pairs nearer than each point's nearest fixed site), MCLP/LSCP up to 50 000
pairs within the radius, Huff share up to 20 000 subsets (enumeration). Beyond them: p-median by
greedy + fast interchange + neighbourhood search with a Lagrangian lower bound; LSCP by greedy cover
with a Lagrangian bound; p-center by a radius search over greedy covers, then (auto) exact
covers of the demand beyond the fixed sites where that residual fits the MILP; MCLP and Huff share by
lazy greedy with a bound. --method exact tries the MILP beyond these limits (set --time-limit).

Exit status: 0 solved, 1 solver failure, 2 bad usage or unusable input.`;

/** `siteselect calibrate`'s options and help, apart from the command so that `--help` loads nothing else. */
import { BUNDLE } from '../common-options.ts';
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'calibrate',
  usage: ['--bundle DIR [--observed COLUMN | --flows FILE] [--out FILE] [options]'],
  about: `
Fits the Huff/MCI model to the own outlets' observed performance (sales, deposits, customers):
  ŷ_j = s · Σ_i w_i · P_ij,
  P_ij = A_j^α Π_k (x_jk/ḡ_k)^γ_k f(d_ij) / Σ_(outlets within the cut-off) …
with f = d^−β (power, default) or e^(−d/λ) (exponential), by Poisson quasi-likelihood. Demand,
competitors, outlet-type attractiveness, cut-off and distance floor are the scenario's Huff
settings. Reports estimates with standard errors and 95 % intervals, R², MAPE, K-fold
cross-validated MAPE and the CV MAPE of a naive baseline (a straight line in the demand within
1 km).`,
  operand: 'bundle',
  options: {
    bundle: { ...BUNDLE, help: `${BUNDLE.help}; its network layer holds the observed column` },
    scenario: { kind: 'text', value: 'FILE', help: 'Huff settings and outlet types', shown: 'DIR/scenario.json if there, else the defaults' },
    observed: { kind: 'text', value: 'COLUMN', help: 'network column to fit', shown: 'the "observed" role of bundle.json' },
    flows: {
      kind: 'text', value: 'FILE',
      help: `customers by home and outlet, a CSV with the columns origin (a demand id), outlet (a network id), count: fits the flows
        by maximum likelihood (each origin–outlet pair within the cut-off a Poisson count, unlisted pairs 0) instead of the
        outlets' totals; every origin apart unless --demand-cell`,
    },
    attributes: { kind: 'list', value: 'a,b', help: 'network columns as attractiveness terms, one exponent γ each; without them one α is fitted on the attractiveness' },
    decay: { kind: 'choice', choices: ['power', 'exponential'], default: 'power', help: 'distance decay: power (β) or exponential (λ)' },
    'demand-column': { kind: 'text', value: 'C', help: 'demand weight column', shown: 'population' },
    folds: { kind: 'whole', value: 'K', min: 2, default: 5, help: 'cross-validation folds' },
    'demand-cell': {
      kind: 'number', value: 'M', min: 0, shown: '100; with --flows 0: origins in one cell add up',
      help: 'group demand into cells of M metres for the fit, 0 for every point; forecasts with this calibration use the same cells',
    },
    out: { kind: 'text', value: 'FILE', help: 'write the calibration (for score --calibration)', shown: 'not written' },
    json: { kind: 'flag', help: 'print the summary as one JSON object: model, n, alpha, beta | lambda, scale, coefficients, se, intervals, r2, mape, cv_mape, baseline_cv_mape, warnings' },
  },
  exit: `0 fitted, 1 the fit did not converge (the message says why), 2 bad usage or
unusable input (too few outlets for the parameters, an attribute with no variation, …).`,
});

/** The help text of `siteselect calibrate`, apart from the command so that `--help` loads nothing else. */
export const USAGE = `Usage: siteselect calibrate --bundle DIR [--scenario FILE] [--observed COLUMN] [--attributes a,b,…]
         [--flows FILE] [--decay power|exponential] [--demand-column C] [--folds K] [--demand-cell M]
         [--out calibration.json] [--json]

Fits the Huff/MCI model to the own outlets' observed performance (sales, deposits, customers):
  ŷ_j = s · Σ_i w_i · P_ij,  P_ij = A_j^α Π_k (x_jk/ḡ_k)^γ_k f(d_ij) / Σ_(outlets within the cut-off) …
with f = d^−β (power, default) or e^(−d/λ) (exponential), by Poisson quasi-likelihood. Demand,
competitors, outlet-type attractiveness, cut-off and distance floor are the scenario's Huff settings.
Reports estimates with standard errors and 95 % intervals, R², MAPE, K-fold cross-validated MAPE and
the CV MAPE of a naive baseline (a straight line in the demand within 1 km).

Options:
  --bundle DIR         the bundle (its network layer holds the observed column)
  --scenario FILE      Huff settings and outlet types [DIR/scenario.json if there, else the defaults]
  --observed COLUMN    network column to fit [the "observed" role of bundle.json]
  --flows FILE         customers by home and outlet, a CSV with the columns origin (a demand id),
                       outlet (a network id), count: fits the flows by maximum likelihood (each
                       origin–outlet pair within the cut-off a Poisson count, unlisted pairs 0)
                       instead of the outlets' totals; every origin apart unless --demand-cell
  --attributes a,b     network columns as attractiveness terms, one exponent γ each;
                       without them one α is fitted on the attractiveness
  --decay D            power (β, default) or exponential (λ)
  --demand-column C    demand weight column [population]
  --folds K            cross-validation folds [5]
  --demand-cell M      group demand into cells of M metres for the fit, 0 for every point [100;
                       with --flows 0: origins in one cell add up];
                       forecasts with this calibration use the same cells
  --out FILE           write the calibration (for score --calibration) [not written]
  --json               print the summary as one JSON object: model, n, alpha, beta | lambda, scale,
                       coefficients, se, intervals, r2, mape, cv_mape, baseline_cv_mape, warnings

Exit status: 0 fitted, 1 the fit did not converge (the message says why), 2 bad usage or
unusable input (too few outlets for the parameters, an attribute with no variation, …).`;

/** A calibration that ran but did not converge; the message says why (the CLI exits 1 on it). */
export class FitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FitError';
  }
}

/**
 * One way to fail. A whole-file or whole-input problem is a `BundleError`: one sentence that
 * names the file and says the fix. Row-level problems never throw; they become rejects.
 */
export class BundleError extends Error {
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BundleError';
    this.file = file;
  }
}

/** Bad arguments or settings given by the caller (CLI flags, scenario values). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

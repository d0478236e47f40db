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

/**
 * A file source refused a path: outside its folder, not a regular file, or too large. The loader
 * turns it into a BundleError naming the layer that asked for it; `reason` and `fix` are
 * sentence fragments ("that path leads outside …", "put the file inside …").
 */
export class PathRefused extends Error {
  readonly path: string;
  readonly reason: string;
  readonly fix: string;
  constructor(path: string, reason: string, fix: string) {
    super(`'${path}' was refused: ${reason}; ${fix}`);
    this.name = 'PathRefused';
    this.path = path;
    this.reason = reason;
    this.fix = fix;
  }
}

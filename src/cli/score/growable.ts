/**
 * A typed-array column that grows by doubling as rows stream in, for the numbers kept per placed
 * row of a streamed candidate file (no per-row objects or strings).
 */
type Typed = Float64Array | Int32Array | Uint32Array | Uint8Array;
type TypedCtor<T extends Typed> = new (length: number) => T;

export class Growable<T extends Typed> {
  private data: T;
  length = 0;

  constructor(private readonly make: TypedCtor<T>, capacity = 1024) {
    this.data = new make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.make(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i];
  }

  /** The values of rows where keep[i] is 1, as an exact-length array (the growable is emptied). */
  take(keep?: Uint8Array): T {
    const out = new this.make(keep ? count(keep, this.length) : this.length);
    if (!keep) out.set(this.data.subarray(0, this.length) as never);
    else for (let i = 0, k = 0; i < this.length; i++) if (keep[i]) out[k++] = this.data[i];
    this.data = new this.make(1);
    this.length = 0;
    return out;
  }
}

function count(keep: Uint8Array, n: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) k += keep[i];
  return k;
}

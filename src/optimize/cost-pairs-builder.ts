/**
 * Collects long-format cost rows (origin, destination, cost, weight) into FacilityCosts without
 * holding a string per pair: ids are interned once, pairs go into growable typed arrays, and a
 * second row for the same pair is found after grouping by facility (sorting each group by demand),
 * not through a key per pair. Bad rows become rejects naming the row; they come out in row order.
 */
import { BundleError } from '../errors.ts';
import type { Reject } from '../data/layer.ts';
import { rejectReason } from '../reject-reason.ts';
import type { FacilityCosts } from './problem.ts';

export interface CostColumnNames {
  origin: string;
  destination: string;
  cost: string;
  weight: string;
}

class Growable<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public data: T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(Math.max(1024, 2 * this.data.length));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

export class CostPairsBuilder {
  private readonly origin = new Map<string, number>();
  private readonly dest = new Map<string, number>();
  private readonly originIds: string[] = [];
  private readonly destIds: string[] = [];
  private readonly weights = new Growable(new Float64Array(1024));
  private readonly rowI = new Growable(new Int32Array(1024));
  private readonly rowJ = new Growable(new Int32Array(1024));
  private readonly rowC = new Growable(new Float64Array(1024));
  private readonly rowNo = new Growable(new Int32Array(1024));
  readonly rejects: Reject[] = [];
  rows = 0;

  constructor(
    private readonly file: string,
    private readonly cols: CostColumnNames,
  ) {}

  /** One data row (1-based `row`), its ids as read and its cost and weight as numbers (NaN if unreadable). */
  add(row: number, originId: string, destId: string, cost: number, weight: number, rawCost: string, rawWeight: string): void {
    this.rows++;
    const { cols, rejects } = this;
    if (originId === '') return void rejects.push({ row, column: cols.origin, ...rejectReason('cost-origin-empty') });
    if (destId === '') return void rejects.push({ row, column: cols.destination, ...rejectReason('cost-destination-empty') });
    if (!(cost >= 0) || cost === Infinity) return void rejects.push({ row, column: cols.cost, ...rejectReason('cost-not-number'), value: rawCost });
    if (!(weight >= 0) || weight === Infinity) return void rejects.push({ row, column: cols.weight, ...rejectReason('cost-weight-not-number'), value: rawWeight });
    let i = this.origin.get(originId);
    if (i === undefined) {
      i = this.weights.length;
      this.origin.set(originId, i);
      this.originIds.push(originId);
      this.weights.push(weight);
    } else if (this.weights.data[i] !== weight) {
      return void rejects.push({ row, column: cols.weight, ...rejectReason('cost-weight-differs', { origin: originId, weight: this.weights.data[i] }), value: rawWeight });
    }
    let j = this.dest.get(destId);
    if (j === undefined) {
      j = this.dest.size;
      this.dest.set(destId, j);
      this.destIds.push(destId);
    }
    this.rowI.push(i);
    this.rowJ.push(j);
    this.rowC.push(cost);
    this.rowNo.push(row);
  }

  finish(): { costs: FacilityCosts; rejects: Reject[] } {
    const total = this.rowI.length;
    const [I, J, C, R] = [this.rowI.data, this.rowJ.data, this.rowC.data, this.rowNo.data];
    const m = this.dest.size;
    const start = new Int32Array(m + 1);
    for (let t = 0; t < total; t++) start[J[t] + 1]++;
    for (let j = 0; j < m; j++) start[j + 1] += start[j];
    const fill = start.slice(0, m);
    const order = new Int32Array(total);
    for (let t = 0; t < total; t++) order[fill[J[t]]++] = t;
    // Within each facility, by demand then row: a repeated pair sits right after its first row.
    const keep = new Uint8Array(total).fill(1);
    let kept = total;
    for (let j = 0; j < m; j++) {
      const group = order.subarray(start[j], start[j + 1]);
      group.sort((a, b) => I[a] - I[b] || R[a] - R[b]);
      for (let t = 1; t < group.length; t++) {
        if (I[group[t]] !== I[group[t - 1]]) continue;
        keep[group[t]] = 0;
        kept--;
        this.rejects.push({ row: R[group[t]], column: this.cols.destination, ...rejectReason('cost-pair-repeated', { origin: this.originIds[I[group[t]]], destination: this.destIds[j] }) });
      }
    }
    if (kept === 0) {
      const first = [...this.rejects].sort((a, b) => a.row - b.row)[0];
      throw new BundleError(this.file, `${this.file}: none of its ${this.rows} rows is usable (first problem: row ${first?.row ?? '-'} ${first?.reason ?? 'no rows'}); check the column names and number format`);
    }
    const cstart = new Int32Array(m + 1);
    const demand = new Int32Array(kept);
    const cost = new Float64Array(kept);
    let k = 0;
    for (let j = 0; j < m; j++) {
      // Row order within a facility, as the rows came.
      const group = Array.from(order.subarray(start[j], start[j + 1])).filter((t) => keep[t]).sort((a, b) => R[a] - R[b]);
      for (const t of group) {
        demand[k] = I[t];
        cost[k++] = C[t];
      }
      cstart[j + 1] = k;
    }
    const costs: FacilityCosts = {
      n: this.origin.size,
      m,
      start: cstart,
      demand,
      cost,
      weights: this.weights.data.slice(0, this.weights.length),
      demandIds: this.originIds,
      facilityIds: this.destIds,
    };
    return { costs, rejects: this.rejects.sort((a, b) => a.row - b.row) };
  }
}

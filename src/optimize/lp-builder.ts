/**
 * Accumulates a MILP row by row into the CSR arrays HiGHS takes (ModelData). Columns are declared
 * up front by the model files; rows are appended with their coefficients.
 */
import type { Highs, ModelData, VariableType } from 'highs';

export class LpBuilder {
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly integrality: Int32Array;
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];

  constructor(
    private readonly highs: Highs,
    readonly numCols: number,
  ) {
    this.colCost = new Float64Array(numCols);
    this.colLower = new Float64Array(numCols);
    this.colUpper = new Float64Array(numCols).fill(1);
    this.integrality = new Int32Array(numCols);
  }

  setInteger(col: number): void {
    const integer: VariableType = this.highs.constants.variableType.integer;
    this.integrality[col] = integer;
  }

  /** lower <= Σ values[t]·x[cols[t]] <= upper; use ±Infinity for a missing side. */
  addRow(cols: ArrayLike<number>, values: ArrayLike<number>, lower: number, upper: number): void {
    for (let t = 0; t < cols.length; t++) {
      this.indices.push(cols[t]);
      this.values.push(values[t]);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lower === -Infinity ? -this.highs.infinity : lower);
    this.rowUpper.push(upper === Infinity ? this.highs.infinity : upper);
  }

  build(maximise: boolean, relax = false): ModelData {
    const numRows = this.rowLower.length;
    const sense = maximise ? this.highs.constants.objectiveSense.maximize : this.highs.constants.objectiveSense.minimize;
    const data: ModelData = {
      numCols: this.numCols,
      numRows,
      sense,
      colCost: this.colCost,
      colLower: this.colLower,
      colUpper: this.colUpper.map((u) => (u === Infinity ? this.highs.infinity : u)),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      matrix: {
        format: 'csr',
        numRows,
        numCols: this.numCols,
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.indices),
        values: Float64Array.from(this.values),
      },
    };
    return relax ? data : { ...data, integrality: this.integrality };
  }
}

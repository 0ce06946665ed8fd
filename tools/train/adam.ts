/** Adam with lazy row updates: a batch steps only the feature rows it touched. */
export class Adam {
  m: Float32Array;
  v: Float32Array;
  t = 0;
  constructor(
    size: number,
    public lr: number,
  ) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }
  /** Lazy update of `rowsList` rows (width `dims`) of `w` from `g`, zeroing those rows of g. */
  stepRows(w: Float32Array, g: Float32Array, rowsList: Int32Array, count: number, dims: number, l2: number): void {
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - Math.pow(b1, this.t);
    const c2 = 1 - Math.pow(b2, this.t);
    const step = (this.lr * Math.sqrt(c2)) / c1;
    for (let r = 0; r < count; r++) {
      const base = rowsList[r]! * dims;
      for (let j = base; j < base + dims; j++) {
        const gj = g[j]! + l2 * w[j]!;
        g[j] = 0;
        const mj = (this.m[j] = b1 * this.m[j]! + (1 - b1) * gj);
        const vj = (this.v[j] = b2 * this.v[j]! + (1 - b2) * gj * gj);
        w[j]! -= (step * mj) / (Math.sqrt(vj) + 1e-8);
      }
    }
  }
}

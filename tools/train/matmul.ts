/**
 * C = A (r × k) · B (k × c), row-major. The trainer's three big products per batch go through
 * this: plain JS by default, tfjs-wasm (SIMD) from the CLIs (`tools/train/matmul-tf.ts`).
 */
export type MatMul = (a: Float32Array, r: number, k: number, b: Float32Array, c: number) => Float32Array;

export const jsMatMul: MatMul = (a, r, k, b, c) => {
  const out = new Float32Array(r * c);
  for (let i = 0; i < r; i++) {
    const oOff = i * c;
    for (let t = 0; t < k; t++) {
      const av = a[i * k + t]!;
      if (av === 0) continue;
      const bOff = t * c;
      for (let j = 0; j < c; j++) out[oOff + j]! += av * b[bOff + j]!;
    }
  }
  return out;
};

/**
 * out (cols × rows) = aᵀ for row-major a (rows × cols). In 32 × 32 tiles so both sides stay in
 * cache: a plain double loop strides `rows` floats per write.
 */
export function transposeInto(a: Float32Array, rows: number, cols: number, out: Float32Array): void {
  for (let r0 = 0; r0 < rows; r0 += 32) {
    const r1 = Math.min(rows, r0 + 32);
    for (let c0 = 0; c0 < cols; c0 += 32) {
      const c1 = Math.min(cols, c0 + 32);
      for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out[c * rows + r] = a[r * cols + c]!;
    }
  }
}

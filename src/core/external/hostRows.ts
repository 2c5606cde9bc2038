/**
 * Row-major host matrices (n × d in a Float32Array): the form extractors hand features back in.
 * Embeddings arrive from the ONNX runtime on the host, so these stay on the host too.
 */

/** Every row scaled to unit length in place; a zero row stays zero (it has no direction). */
export function normaliseRowsInPlace(x: Float32Array, d: number): Float32Array {
  for (let r = 0; r < x.length; r += d) {
    let s = 0;
    for (let j = 0; j < d; j++) s += x[r + j] * x[r + j];
    const inv = 1 / (Math.sqrt(s) + 1e-12);
    for (let j = 0; j < d; j++) x[r + j] *= inv;
  }
  return x;
}

/** a (n × d) times bᵀ (m × d): the n × m matrix of dot products (cosines for unit rows). */
export function dotRows(a: Float32Array, b: Float32Array, d: number): Float32Array {
  const n = a.length / d;
  const m = b.length / d;
  const out = new Float32Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += a[i * d + t] * b[j * d + t];
      out[i * m + j] = s;
    }
  }
  return out;
}

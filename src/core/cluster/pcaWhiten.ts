/**
 * DeepCluster's feature preprocessing before k-means (Caron et al. 2018, §3.2 and the authors'
 * preprocess_features): PCA to at most `dims` components, whitened (each component scaled by
 * λ^(−½), faiss's eigen_power −0.5), then every row L2-normalised. Fitted once per clustering:
 * mean and covariance on the device, the small e × e eigenproblem on the host (Jacobi).
 */
import * as tf from '@tensorflow/tfjs';

/** Eigen-decomposition of a symmetric m × m matrix (row-major) by cyclic Jacobi rotations. */
export function symmetricEigen(a: Float64Array, m: number): { values: Float64Array; vectors: Float64Array } {
  const s = Float64Array.from(a);
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += s[p * m + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = s[p * m + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (s[q * m + q] - s[p * m + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < m; k++) {
          // Rotate columns p, q then rows p, q: S ← Jᵀ S J; V ← V J.
          const skp = s[k * m + p];
          const skq = s[k * m + q];
          s[k * m + p] = c * skp - sn * skq;
          s[k * m + q] = sn * skp + c * skq;
        }
        for (let k = 0; k < m; k++) {
          const spk = s[p * m + k];
          const sqk = s[q * m + k];
          s[p * m + k] = c * spk - sn * sqk;
          s[q * m + k] = sn * spk + c * sqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p];
          const vkq = v[k * m + q];
          v[k * m + p] = c * vkp - sn * vkq;
          v[k * m + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(m);
  for (let i = 0; i < m; i++) values[i] = s[i * m + i];
  // Columns of `vectors` are the eigenvectors, sorted by decreasing eigenvalue.
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => values[j] - values[i]);
  const vectors = new Float64Array(m * m);
  order.forEach((src, dst) => {
    for (let k = 0; k < m; k++) vectors[k * m + dst] = v[k * m + src];
  });
  return { values: Float64Array.from(order, (i) => values[i]), vectors };
}

export interface FeatureTransform {
  /** rows × e → rows × min(dims, e): centred, projected, whitened (optional), L2-normalised. */
  apply(z: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

export interface WhitenOptions {
  /** Principal components kept (paper: 256). */
  dims: number;
  /** Scale each component by λ^(−½) (paper: yes). Without it only PCA and L2. */
  whiten: boolean;
}

export async function fitPcaWhiten(z: tf.Tensor2D, o: WhitenOptions): Promise<FeatureTransform> {
  const [n, e] = z.shape;
  const keep = Math.max(1, Math.min(o.dims, e));
  const mean = tf.tidy(() => tf.mean(z, 0, true)) as tf.Tensor2D;
  const covT = tf.tidy(() => {
    const zc = tf.sub(z, mean);
    return tf.div(tf.matMul(tf.transpose(zc), zc), n);
  });
  const cov = Float64Array.from(await covT.data());
  covT.dispose();
  const { values, vectors } = symmetricEigen(cov, e);
  // A floor relative to the top eigenvalue keeps near-null directions from exploding.
  const floor = Math.max(values[0], 1e-12) * 1e-6;
  const w = new Float32Array(e * keep);
  for (let r = 0; r < e; r++) {
    for (let c = 0; c < keep; c++) w[r * keep + c] = vectors[r * e + c] / (o.whiten ? Math.sqrt(Math.max(values[c], floor)) : 1);
  }
  const proj = tf.tensor2d(w, [e, keep]);
  return {
    apply: (x) => tf.tidy(() => {
      const y = tf.matMul(tf.sub(x, mean), proj);
      return tf.div(y, tf.maximum(tf.norm(y, 'euclidean', 1, true), 1e-12)) as tf.Tensor2D;
    }),
    dispose: () => tf.dispose([mean, proj]),
  };
}

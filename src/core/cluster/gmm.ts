/**
 * Gaussian mixture with diagonal covariances, fitted by EM on a device-resident n × d tensor —
 * scikit-learn's GaussianMixture(covariance_type='diag', init_params='kmeans') in small:
 *  - init: responsibilities = one-hot k-means labels (k-means++, `nInit` restarts), then an M-step;
 *  - E-step: log r_ic = log π_c + log N(x_i | μ_c, diag σ_c²) − logsumexp_c(…);
 *  - M-step: N_c = Σ_i r_ic, π_c = N_c / n, μ_c = Σ_i r_ic x_i / N_c,
 *            σ_c² = Σ_i r_ic x_i² / N_c − μ_c² + reg;
 *  - stop when the mean log-likelihood changes by less than `tol`, or after `maxIter` iterations.
 * The data is centred first (and the means shifted back) so σ² = E[x²] − μ² keeps float32 digits.
 * One scalar is read back per iteration; nothing per point until the final labels.
 */
import * as tf from '@tensorflow/tfjs';
import { mapRows } from '../nn/autoencoder';
import type { Rng } from '../rng';
import { kmeans } from './kmeans';

export interface GmmOptions {
  k: number;
  rng: Rng;
  /** EM iterations at most (scikit-learn: 100); 0 keeps the k-means initialisation's moments. */
  maxIter?: number;
  /** On the change of the mean log-likelihood per point (scikit-learn: 1e-3). */
  tol?: number;
  /** Added to every variance (scikit-learn: 1e-6). */
  regCovar?: number;
  /** k-means restarts of the initialisation. Default 1. */
  nInit?: number;
}

export interface GmmResult {
  /** k mixing weights π_c; the caller owns every tensor here. */
  weights: tf.Tensor1D;
  /** k × d. */
  means: tf.Tensor2D;
  /** k × d diagonal variances σ_c². */
  variances: tf.Tensor2D;
  /** argmax_c of the final responsibilities. */
  labels: Int32Array;
  /** Mean log-likelihood per point under the final parameters. */
  logLikelihood: number;
  iterations: number;
}

// A type alias (not an interface) so tf.tidy accepts it as a TensorContainer.
type Params = {
  logWeights: tf.Tensor1D;
  means: tf.Tensor2D;
  variances: tf.Tensor2D;
};

/** log π_c + log N(x | μ_c, diag σ_c²) for every row and component (rows × k). */
export function gaussianLogJoint(x: tf.Tensor2D, logWeights: tf.Tensor1D, means: tf.Tensor2D, variances: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const d = x.shape[1];
    const diff = tf.sub(tf.expandDims(x, 1), tf.expandDims(means, 0)); // rows × k × d
    const maha = tf.sum(tf.div(tf.square(diff), tf.expandDims(variances, 0)), 2);
    const logDet = tf.sum(tf.log(variances), 1); // k
    const norm = tf.add(logDet, d * Math.log(2 * Math.PI));
    return tf.add(tf.mul(tf.add(maha, tf.expandDims(norm, 0)), -0.5), tf.expandDims(logWeights, 0)) as tf.Tensor2D;
  });
}

/** M-step from responsibilities r (n × k) on the centred data. */
function mStep(xc: tf.Tensor2D, resp: tf.Tensor2D, reg: number): Params {
  return tf.tidy((): Params => {
    const n = xc.shape[0];
    const nk = tf.add(tf.sum(resp, 0), 1e-6); // k; keeps an emptied component finite
    const rT = tf.transpose(resp); // explicit: a transposed matMul is slow on WASM
    const nkCol = tf.expandDims(nk, 1);
    const means = tf.div(tf.matMul(rT, xc), nkCol);
    const avgX2 = tf.div(tf.matMul(rT, tf.square(xc)), nkCol);
    const variances = tf.maximum(tf.add(tf.sub(avgX2, tf.square(means)), reg), reg);
    return { logWeights: tf.log(tf.div(nk, n)) as tf.Tensor1D, means: means as tf.Tensor2D, variances: variances as tf.Tensor2D };
  });
}

/** E-step: log responsibilities (n × k) and the mean log-likelihood (scalar). */
function eStep(xc: tf.Tensor2D, p: Params): { logResp: tf.Tensor2D; meanLogLik: tf.Scalar } {
  return tf.tidy(() => {
    const logJoint = mapRows(xc, (rows) => gaussianLogJoint(rows, p.logWeights, p.means, p.variances), 8192);
    const logNorm = tf.logSumExp(logJoint, 1, true);
    return { logResp: tf.sub(logJoint, logNorm) as tf.Tensor2D, meanLogLik: tf.mean(logNorm) as tf.Scalar };
  });
}

function disposeParams(p: Params): void {
  tf.dispose([p.logWeights, p.means, p.variances]);
}

export async function fitGmm(x: tf.Tensor2D, options: GmmOptions): Promise<GmmResult> {
  const { k } = options;
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-3;
  const reg = options.regCovar ?? 1e-6;
  const mean = tf.tidy(() => tf.mean(x, 0, true));
  const xc = tf.tidy(() => tf.sub(x, mean)) as tf.Tensor2D;

  const init = await kmeans(xc, { k, rng: options.rng, nInit: options.nInit ?? 1 });
  init.centroids.dispose();
  const oneHot = tf.tidy(() => tf.oneHot(tf.tensor1d(init.labels, 'int32'), k).toFloat()) as tf.Tensor2D;
  let params = mStep(xc, oneHot, reg);
  oneHot.dispose();

  let prev = -Infinity;
  let logLik = -Infinity;
  let iterations = 0;
  for (let it = 1; it <= maxIter; it++) {
    const e = eStep(xc, params);
    logLik = (await e.meanLogLik.data())[0];
    e.meanLogLik.dispose();
    const resp = tf.exp(e.logResp) as tf.Tensor2D;
    const next = mStep(xc, resp, reg);
    tf.dispose([resp, e.logResp]);
    disposeParams(params);
    params = next;
    iterations = it;
    if (Math.abs(logLik - prev) < tol) break;
    prev = logLik;
  }

  // Final E-step, so the labels (and the reported likelihood) match the returned parameters.
  const fin = eStep(xc, params);
  const argmax = tf.argMax(fin.logResp, 1);
  const [labelsRaw, ll] = await Promise.all([argmax.data(), fin.meanLogLik.data()]);
  tf.dispose([argmax, fin.logResp, fin.meanLogLik]);
  const result: GmmResult = {
    weights: tf.tidy(() => tf.exp(params.logWeights)) as tf.Tensor1D,
    means: tf.tidy(() => tf.add(params.means, mean)) as tf.Tensor2D,
    variances: params.variances,
    labels: Int32Array.from(labelsRaw as Int32Array),
    logLikelihood: ll[0],
    iterations,
  };
  tf.dispose([params.logWeights, params.means, mean, xc]);
  return result;
}

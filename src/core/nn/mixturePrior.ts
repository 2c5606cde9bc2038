/**
 * VaDE's mixture-of-Gaussians prior and its ELBO terms (Jiang et al., IJCAI 2017, §2):
 *   p(c) = Cat(π),  p(z|c) = N(z; μ_c, diag σ_c²),  q(z|x) = N(z; μ̃, diag σ̃²),  γ_c = q(c|x).
 * The ELBO with one reparameterised sample (the paper's closed form, L = 1) splits into
 *   reconstruction  −log p(x|z)
 *   klZ   Σ_c γ_c KL(N(μ̃, σ̃²) ‖ N(μ_c, σ_c²))
 *         = ½ Σ_c γ_c Σ_j (log σ²_cj + σ̃²_j/σ²_cj + (μ̃_j − μ_cj)²/σ²_cj) − ½ Σ_j (1 + log σ̃²_j)
 *   klC   KL(γ ‖ π) = Σ_c γ_c log(γ_c / π_c)
 * with −ELBO = reconstruction + klZ + klC (both KLs ≥ 0), and γ from the sampled z:
 *   γ_c = p(c|z) = π_c N(z; μ_c, σ_c²) / Σ_c' π_c' N(z; μ_c', σ_c'²)   (a softmax: log-sum-exp)
 * π is held as free logits (softmax keeps it on the simplex under Adam; the authors clip instead)
 * and σ_c² as a clamped log-variance.
 */
import * as tf from '@tensorflow/tfjs';
import { gaussianLogJoint } from '../cluster/gmm';
import { LOG_VAR_MAX } from './gaussianEncoder';

export interface MixturePrior {
  /** k unnormalised log π. */
  logitPi: tf.Variable;
  /** k × e component means μ_c. */
  mu: tf.Variable;
  /** k × e component log-variances log σ_c². */
  logVar: tf.Variable;
}

/** A prior initialised from fitted mixture parameters (π, μ, σ²); copies them. */
export function createMixturePrior(weights: tf.Tensor1D, means: tf.Tensor2D, variances: tf.Tensor2D): MixturePrior {
  return tf.tidy(() => ({
    logitPi: tf.variable(tf.log(tf.maximum(weights, 1e-6)), true),
    mu: tf.variable(means.clone(), true),
    logVar: tf.variable(tf.clipByValue(tf.log(variances), -LOG_VAR_MAX, LOG_VAR_MAX), true),
  }));
}

export function priorVariables(p: MixturePrior): tf.Variable[] {
  return [p.logitPi, p.mu, p.logVar];
}

export function disposePrior(p: MixturePrior): void {
  tf.dispose([p.logitPi, p.mu, p.logVar]);
}

const logPi = (p: MixturePrior): tf.Tensor1D => tf.logSoftmax(p.logitPi) as tf.Tensor1D;
const clampedLogVar = (p: MixturePrior): tf.Tensor2D => tf.clipByValue(p.logVar, -LOG_VAR_MAX, LOG_VAR_MAX) as tf.Tensor2D;

/** log γ (rows × k): log p(c|z) for the given latent points. */
export function logGamma(z: tf.Tensor2D, p: MixturePrior): tf.Tensor2D {
  return tf.tidy(() => tf.logSoftmax(gaussianLogJoint(z, logPi(p), p.mu as tf.Tensor2D, tf.exp(clampedLogVar(p)) as tf.Tensor2D)) as tf.Tensor2D);
}

export interface KlTerms {
  /** Batch means of Σ_c γ_c KL(q(z|x) ‖ p(z|c)) and KL(γ ‖ π). */
  klZ: tf.Scalar;
  klC: tf.Scalar;
}

/** The two KL terms of the negative ELBO, averaged over the batch. */
export function mixtureKl(mu: tf.Tensor2D, logVar: tf.Tensor2D, z: tf.Tensor2D, p: MixturePrior): KlTerms {
  return tf.tidy(() => {
    const lg = logGamma(z, p); // B × k
    const gamma = tf.exp(lg);
    const lv = clampedLogVar(p); // k × e
    const invVar = tf.exp(tf.neg(lv));
    // B × k × e: log σ_c² + σ̃²/σ_c² + (μ̃ − μ_c)²/σ_c²
    const inner = tf.add(
      tf.expandDims(lv, 0),
      tf.mul(tf.add(tf.expandDims(tf.exp(logVar), 1), tf.square(tf.sub(tf.expandDims(mu, 1), tf.expandDims(p.mu, 0)))), tf.expandDims(invVar, 0)),
    );
    const cross = tf.mul(0.5, tf.sum(tf.mul(gamma, tf.sum(inner, 2)), 1)); // B
    const entropy = tf.mul(0.5, tf.sum(tf.add(1, logVar), 1)); // B
    const klZ = tf.mean(tf.sub(cross, entropy)) as tf.Scalar;
    const klC = tf.mean(tf.sum(tf.mul(gamma, tf.sub(lg, tf.expandDims(logPi(p), 0))), 1)) as tf.Scalar;
    return { klZ, klC };
  });
}

/** −log p(x|z) per row, averaged over the batch: Bernoulli on logits (Eq. for binary data). */
export function bernoulliNll(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Scalar {
  // −[x·l − softplus(l)], the stable form of −[x log σ(l) + (1 − x) log(1 − σ(l))].
  return tf.tidy(() => tf.mean(tf.sum(tf.sub(tf.softplus(logits), tf.mul(x, logits)), 1)) as tf.Scalar);
}

/** Σ_i (x_i − x̂_i)² per row, averaged: the authors' code for real-valued data (original_dim × MSE). */
export function squaredErrorNll(x: tf.Tensor2D, recon: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.sum(tf.squaredDifference(x, recon), 1)) as tf.Scalar);
}

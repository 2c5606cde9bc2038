/**
 * Virtual adversarial training (VAT) — Miyato, Maeda, Koyama, Nakae & Ishii, "Distributional
 * Smoothing with Virtual Adversarial Training", ICLR 2016 (and TPAMI 2018): the perturbation of
 * a given size that changes the model's prediction most, found without labels.
 *
 *   LDS(x, θ) = KL(p(y|x, θ̂) ‖ p(y|x + r_adv, θ)),  r_adv = argmax_{‖r‖₂ ≤ ε} KL(p(y|x, θ̂) ‖ p(y|x + r, θ))
 *
 * r_adv is approximated by power iteration on the Hessian of the KL at r = 0 (ICLR 2016 §3.1):
 * start from a random unit d, set
 *   g = ∇_r KL(p(y|x) ‖ p(y|x + r)) at r = ξ d,   d ← g / ‖g‖₂,
 * and r_adv = ε d. Every row is normalised on its own and may have its own ε (IMSAT's radius is
 * per sample). One iteration and ξ = 10 are IMSAT's choice for MNIST (the authors' Chainer code);
 * VAT's own default is ξ = 10⁻⁶ on small inputs.
 *
 * The inner gradient (w.r.t. r) is taken with tf.grad inside the caller's loss, and its result is
 * cut from the tape (`constant`), so the outer loss treats r_adv and the clean prediction as
 * constants, as the authors' code does.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';

/** Logits of a batch of rows; the network in training mode. */
export type LogitsFn = (x: tf.Tensor2D) => tf.Tensor2D;

export interface VatOptions {
  /** Size of the probe ξd in the power iteration (IMSAT's code: 10). */
  xi: number;
  /** Power iterations (IMSAT and VAT: 1). */
  powerIterations: number;
}

/**
 * x's value with no history on the gradient tape: the autodiff of an enclosing tf.variableGrads
 * sees a constant and neither differentiates through it nor walks back through what made it (a
 * zero-gradient customGrad would still send zeros back through the whole inner backward pass).
 * The clone is made inside a kernel with no inputs, which the tape records unconnected.
 */
export function constant<T extends tf.Tensor>(x: T): T {
  return tf.customGrad(() => ({ value: tf.clone(x), gradFunc: () => [] }))() as T;
}

/** Mean over rows of KL(softmax(p) ‖ softmax(q)) for logits p, q (r × k). */
export function klFromLogits(pLogits: tf.Tensor2D, qLogits: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const logP = tf.logSoftmax(pLogits);
    const logQ = tf.logSoftmax(qLogits);
    return tf.mean(tf.sum(tf.mul(tf.exp(logP), tf.sub(logP, logQ)), 1)) as tf.Scalar;
  });
}

/**
 * Each row scaled to unit L2 norm. Rows are first divided by their largest |entry| (as VAT's own
 * code does), so a tiny gradient (a small ξ, a flat spot) is normalised as exactly as a large one;
 * the 10⁻¹² and 10⁻⁶ only keep a zero row finite.
 */
export function normaliseRows(d: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const scaled = tf.div(d, tf.add(tf.max(tf.abs(d), 1, true), 1e-12));
    return tf.div(scaled, tf.sqrt(tf.add(tf.sum(tf.square(scaled), 1, true), 1e-6))) as tf.Tensor2D;
  });
}

/**
 * r_adv (r × d) for the rows x: unit rows times `radius` (a number, or one per row). The clean
 * logits are the target p(y|x, θ̂) and are taken as constants. The result is off the tape.
 * Call inside tf.tidy (the engine's step).
 */
export function adversarialPerturbation(
  logitsOf: LogitsFn,
  x: tf.Tensor2D,
  cleanLogits: tf.Tensor2D,
  radius: number | tf.Tensor1D,
  rng: Rng,
  { xi, powerIterations }: VatOptions,
): tf.Tensor2D {
  const target = constant(cleanLogits);
  let d = normaliseRows(tf.randomNormal(x.shape, 0, 1, 'float32', rng.seed()) as tf.Tensor2D);
  for (let i = 0; i < powerIterations; i++) {
    const probe = (r: tf.Tensor): tf.Scalar => klFromLogits(target, logitsOf(tf.add(x, tf.mul(r, xi)) as tf.Tensor2D));
    d = normaliseRows(tf.grad(probe)(d) as tf.Tensor2D);
  }
  const scale = typeof radius === 'number' ? radius : tf.expandDims(radius, 1);
  return constant(tf.mul(d, scale) as tf.Tensor2D);
}

/**
 * VAT's smoothness penalty R_vat = KL(p(y|x) ‖ p(y|x + r_adv)) (IMSAT's R_SAT with T = VAT), differentiable in
 * the network through the perturbed prediction only.
 */
export function vatLoss(logitsOf: LogitsFn, x: tf.Tensor2D, cleanLogits: tf.Tensor2D, radius: number | tf.Tensor1D, rng: Rng, options: VatOptions): tf.Scalar {
  return tf.tidy(() => {
    const rAdv = adversarialPerturbation(logitsOf, x, cleanLogits, radius, rng, options);
    return klFromLogits(constant(cleanLogits), logitsOf(tf.add(x, rAdv) as tf.Tensor2D));
  });
}

/**
 * A VAE encoder built on an MLP encoder: the MLP's last layer gives the mean μ̃ and a second
 * linear head on the same last hidden layer gives log σ̃² (Kingma & Welling 2014, as VaDE's
 * g(x; φ)). Sharing the MLP lets a pretrained autoencoder's bottleneck become μ̃ directly.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { createDense, type Dense } from './dense';
import type { Mlp } from './mlp';

/** log σ̃² is clamped to ±LOG_VAR_MAX: exp() of a runaway head must stay finite in float32. */
export const LOG_VAR_MAX = 10;

export interface GaussianEncoder {
  readonly logVarHead: Dense;
  /** μ̃ and log σ̃² (rows × e each). */
  encode(x: tf.Tensor2D): { mu: tf.Tensor2D; logVar: tf.Tensor2D };
  /** The mean only (the embedding shown and clustered). */
  mean(x: tf.Tensor2D): tf.Tensor2D;
  /** Reparameterised sample z = μ̃ + σ̃ ⊙ ε with ε given (rows × e), so randomness stays seeded. */
  sample(mu: tf.Tensor2D, logVar: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor2D;
  /** The MLP's variables and the head's. */
  variables(): tf.Variable[];
  /** Frees the head only: the MLP belongs to its autoencoder. */
  dispose(): void;
}

export function createGaussianEncoder(mlp: Mlp, rng: Rng): GaussianEncoder {
  const layers = mlp.layers;
  const last = layers[layers.length - 1];
  // A fresh Glorot layer, as the authors' z_log_var Dense, which the pretrained weights do not cover.
  const logVarHead = createDense(last.inDim, last.outDim, rng);
  const hidden = (x: tf.Tensor2D): tf.Tensor2D => {
    let h = x;
    for (let i = 0; i < layers.length - 1; i++) h = tf.relu(layers[i].apply(h));
    return h;
  };
  return {
    logVarHead,
    encode: (x) => {
      const h = hidden(x);
      return { mu: last.apply(h), logVar: tf.clipByValue(logVarHead.apply(h), -LOG_VAR_MAX, LOG_VAR_MAX) };
    },
    mean: (x) => mlp.apply(x),
    sample: (mu, logVar, eps) => tf.add(mu, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps)),
    variables: () => [...mlp.variables(), ...logVarHead.variables()],
    dispose: () => logVarHead.dispose(),
  };
}

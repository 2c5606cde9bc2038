/**
 * Batch normalisation (Ioffe & Szegedy, ICML 2015, Alg. 1) over every axis but the last (features
 * of dense layers, channels of channels-last images).
 *   training:  y = γ (x − μ_B) / √(σ²_B + ε) + β, and the running statistics move towards the
 *              batch's: r ← (1 − m) r + m · stat (PyTorch's convention, m = 0.1; running variance
 *              unbiased, as PyTorch);
 *   inference: the running statistics instead of the batch's.
 * γ and β are trainable; the running statistics are not (they are updated by assignment during
 * the forward pass of a training step, which the engine runs inside tf.tidy: the variable keeps
 * the new value, the intermediate tensors are freed).
 */
import * as tf from '@tensorflow/tfjs';

export interface BatchNorm {
  readonly channels: number;
  apply(x: tf.Tensor, training: boolean): tf.Tensor;
  /** γ and β. */
  variables(): tf.Variable[];
  /** Running mean and variance (not trainable; saved with the weights). */
  statistics(): tf.Variable[];
  dispose(): void;
}

export interface BatchNormOptions {
  /** Weight of the batch's statistics in the running ones (PyTorch's default 0.1). */
  momentum?: number;
  /** Added to the variance (PyTorch 10⁻⁵; Chainer, IMSAT's code, 2·10⁻⁵). */
  epsilon?: number;
}

export function createBatchNorm(channels: number, { momentum = 0.1, epsilon = 1e-5 }: BatchNormOptions = {}): BatchNorm {
  // tf.variable keeps its initial tensor alive unless that tensor is made inside a tidy.
  const [gamma, beta, runningMean, runningVar] = tf.tidy(() => [
    tf.variable(tf.ones([channels]), true, undefined, 'float32'),
    tf.variable(tf.zeros([channels]), true, undefined, 'float32'),
    tf.variable(tf.zeros([channels]), false, undefined, 'float32'),
    tf.variable(tf.ones([channels]), false, undefined, 'float32'),
  ]);
  const eps = epsilon;

  const normalise = (x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor): tf.Tensor =>
    tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps))), gamma), beta);

  return {
    channels,
    apply(x, training) {
      if (!training) return normalise(x, runningMean, runningVar);
      const axes = x.shape.slice(0, -1).map((_, i) => i);
      const { mean, variance } = tf.moments(x, axes);
      const count = x.size / channels;
      // Not on the loss's path, so no gradient flows through these updates.
      tf.tidy(() => {
        const m = mean;
        const v = variance;
        runningMean.assign(tf.add(tf.mul(runningMean, 1 - momentum), tf.mul(m, momentum)));
        const unbiased = count > 1 ? tf.mul(v, count / (count - 1)) : v;
        runningVar.assign(tf.add(tf.mul(runningVar, 1 - momentum), tf.mul(unbiased, momentum)));
      });
      return normalise(x, mean, variance);
    },
    variables: () => [gamma, beta],
    statistics: () => [runningMean, runningVar],
    dispose: () => tf.dispose([gamma, beta, runningMean, runningVar]),
  };
}

/**
 * f(x) with no gradient flowing back through it (PyTorch's `torch.no_grad()` / `.detach()`): the
 * forward pass runs as one custom-gradient kernel, inside which tfjs records nothing on its tape,
 * and whose gradient is zero. For targets computed from the model itself inside a loss (SCAN's
 * self-labelling takes its pseudo-labels from a weak view): without it, backprop would walk the
 * whole forward pass of that view only to multiply by zero. Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';

export function noGrad(f: (x: tf.Tensor2D) => tf.Tensor2D, x: tf.Tensor2D): tf.Tensor2D {
  const wrapped = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const input = args[0] as tf.Tensor2D;
    return { value: f(input), gradFunc: () => [tf.zerosLike(input)] };
  }) as (x: tf.Tensor2D) => tf.Tensor2D;
  return wrapped(x);
}

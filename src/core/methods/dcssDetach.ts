/**
 * stopGradient: the value of x, seen by autodiff as a constant. tfjs has no stop_gradient; DCSS
 * needs one wherever the authors' code calls .detach(): the fuzzy memberships that weight the
 * phase-1 losses and the pairwise similarities that label the phase-2 pairs are targets, not
 * paths for the gradient.
 */
import * as tf from '@tensorflow/tfjs';

export const stopGradient = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const x = args[0] as tf.Tensor;
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => [tf.zerosLike(dy)] };
}) as <T extends tf.Tensor>(x: T) => T;

/**
 * What every trainable feature network offers (MLP, convolutional encoder, a backbone with heads):
 * methods and phases hand one on to the next (pretext → cluster → self-label) through this shape.
 */
import type * as tf from '@tensorflow/tfjs';

export interface Network {
  /** Width of the output rows. */
  readonly outDim: number;
  /**
   * Output rows for input rows (r × d → r × outDim). `training` selects batch statistics and
   * updates running ones in batch-norm layers; inference (false, the default) uses the running ones.
   */
  apply(x: tf.Tensor2D, training?: boolean): tf.Tensor2D;
  /** Trainable variables, in a fixed order (shared starts cache them in this order). */
  variables(): tf.Variable[];
  dispose(): void;
}

/**
 * A fully connected layer y = xW + b. Its gradients are tfjs's autodiff through matMul, whose
 * gradient matMulGradient.ts replaces with explicit transposes and lazy per-input products
 * (several times faster on WASM; see there).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { installMatMulGradient } from './matMulGradient';

installMatMulGradient();

/** y = xW + b. */
export function denseForward(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return tf.add(tf.matMul(x, w as tf.Tensor2D), b);
}

export interface Dense {
  readonly inDim: number;
  readonly outDim: number;
  readonly kernel: tf.Variable;
  readonly bias: tf.Variable;
  apply(x: tf.Tensor2D): tf.Tensor2D;
  variables(): tf.Variable[];
  dispose(): void;
}

/** Glorot-uniform kernel seeded from `rng` (as Keras and the DEC reference), zero bias. */
export function createDense(inDim: number, outDim: number, rng: Rng): Dense {
  const init = tf.initializers.glorotUniform({ seed: rng.seed() });
  const kernel = tf.tidy(() => tf.variable(init.apply([inDim, outDim]), true, undefined, 'float32'));
  const bias = tf.tidy(() => tf.variable(tf.zeros([outDim]), true, undefined, 'float32'));
  return {
    inDim,
    outDim,
    kernel,
    bias,
    apply: (x) => denseForward(x, kernel, bias),
    variables: () => [kernel, bias],
    dispose: () => {
      kernel.dispose();
      bias.dispose();
    },
  };
}

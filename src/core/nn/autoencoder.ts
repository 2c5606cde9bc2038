/**
 * A symmetric MLP autoencoder: encoder dims [d, h1, …, e] and the mirrored decoder [e, …, h1, d],
 * ReLU inside, linear bottleneck and linear output (DEC's choice: a linear output layer with MSE).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { createMlp, type Mlp } from './mlp';

export interface Autoencoder {
  readonly encoder: Mlp;
  readonly decoder: Mlp;
  /** Width of the embedding (the bottleneck). */
  readonly embedDim: number;
  encode(x: tf.Tensor2D): tf.Tensor2D;
  decode(z: tf.Tensor2D): tf.Tensor2D;
  /** Mean squared error over all entries, as PyTorch's F.mse_loss and Keras's 'mse'. */
  reconstructionLoss(x: tf.Tensor2D): tf.Scalar;
  variables(): tf.Variable[];
  dispose(): void;
}

/** `encoderDims` includes the input width, e.g. [784, 500, 500, 2000, 10]. */
export function createAutoencoder(encoderDims: readonly number[], rng: Rng): Autoencoder {
  const encoder = createMlp(encoderDims, rng);
  const decoder = createMlp([...encoderDims].reverse(), rng);
  const encode = (x: tf.Tensor2D): tf.Tensor2D => encoder.apply(x);
  const decode = (z: tf.Tensor2D): tf.Tensor2D => decoder.apply(z);
  return {
    encoder,
    decoder,
    embedDim: encoderDims[encoderDims.length - 1],
    encode,
    decode,
    reconstructionLoss: (x) => tf.mean(tf.squaredDifference(decode(encode(x)), x)) as tf.Scalar,
    variables: () => [...encoder.variables(), ...decoder.variables()],
    dispose: () => {
      encoder.dispose();
      decoder.dispose();
    },
  };
}

/** Apply `f` to all rows in chunks, so a forward pass over 70,000 points stays bounded. */
export function mapRows(x: tf.Tensor2D, f: (rows: tf.Tensor2D) => tf.Tensor2D, chunk = 2048): tf.Tensor2D {
  const n = x.shape[0];
  if (n <= chunk) return tf.tidy(() => f(x));
  return tf.tidy(() => {
    const parts: tf.Tensor2D[] = [];
    for (let start = 0; start < n; start += chunk) {
      const size = Math.min(chunk, n - start);
      parts.push(f(tf.slice(x, [start, 0], [size, -1])));
    }
    return tf.concat(parts, 0);
  });
}

/**
 * A multilayer perceptron: dense layers with ReLU between them and a linear last layer — the
 * encoder and decoder shape of DEC and most autoencoder-based clustering methods.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { createDense, type Dense } from './dense';

export interface Mlp {
  /** Layer widths including input and output, e.g. [784, 500, 500, 2000, 10]. */
  readonly dims: readonly number[];
  readonly layers: readonly Dense[];
  apply(x: tf.Tensor2D): tf.Tensor2D;
  variables(): tf.Variable[];
  dispose(): void;
}

export function createMlp(dims: readonly number[], rng: Rng): Mlp {
  if (dims.length < 2) throw new Error(`an MLP needs at least two widths, got [${dims.join(', ')}]`);
  const layers: Dense[] = [];
  for (let i = 0; i + 1 < dims.length; i++) layers.push(createDense(dims[i], dims[i + 1], rng));
  return {
    dims: [...dims],
    layers,
    apply: (x) => {
      let h = x;
      layers.forEach((layer, i) => {
        h = layer.apply(h);
        if (i < layers.length - 1) h = tf.relu(h);
      });
      return h;
    },
    variables: () => layers.flatMap((l) => l.variables()),
    dispose: () => layers.forEach((l) => l.dispose()),
  };
}

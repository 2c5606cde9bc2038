/**
 * An MLP feature network with optional batch norm after every hidden layer:
 * d → [dense → BN → ReLU]* → dense. IMSAT's MNIST network is [784, 1200, 1200, 10] with BN
 * (Hu et al. 2017, §4; Chainer's BN ε 2·10⁻⁵); contrastive methods use one as the backbone on
 * vector data. Without batch norm it is createMlp.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { createBatchNorm, type BatchNorm, type BatchNormOptions } from './batchNorm';
import { createDense, type Dense } from './dense';
import type { Network } from './network';

export interface MlpEncoderOptions {
  batchNorm?: boolean;
  batchNormOptions?: BatchNormOptions;
  /** Also normalise and ReLU the last layer's output (a backbone whose features feed heads). */
  activateOutput?: boolean;
}

export interface MlpEncoder extends Network {
  readonly dims: readonly number[];
  /** Running statistics of the batch-norm layers (state to save with the weights). */
  statistics(): tf.Variable[];
}

export function createMlpEncoder(dims: readonly number[], rng: Rng, { batchNorm = true, batchNormOptions, activateOutput = false }: MlpEncoderOptions = {}): MlpEncoder {
  if (dims.length < 2) throw new Error(`an MLP needs at least two widths, got [${dims.join(', ')}]`);
  const layers: Dense[] = [];
  const norms: (BatchNorm | null)[] = [];
  for (let i = 0; i + 1 < dims.length; i++) {
    layers.push(createDense(dims[i], dims[i + 1], rng));
    const activated = i + 2 < dims.length || activateOutput;
    norms.push(activated && batchNorm ? createBatchNorm(dims[i + 1], batchNormOptions) : null);
  }
  return {
    dims: [...dims],
    outDim: dims[dims.length - 1],
    apply(x, training = false) {
      let h: tf.Tensor2D = x;
      layers.forEach((layer, i) => {
        h = layer.apply(h);
        if (i + 1 < layers.length || activateOutput) {
          const bn = norms[i];
          if (bn) h = bn.apply(h, training) as tf.Tensor2D;
          h = tf.relu(h);
        }
      });
      return h;
    },
    variables: () => [...layers.flatMap((l) => l.variables()), ...norms.flatMap((b) => b?.variables() ?? [])],
    statistics: () => norms.flatMap((b) => b?.statistics() ?? []),
    dispose: () => {
      layers.forEach((l) => l.dispose());
      norms.forEach((b) => b?.dispose());
    },
  };
}

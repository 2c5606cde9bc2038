/**
 * The feature network of the augmentation-invariance methods (IIC, CC): one factory behind the
 * `encoder` parameter, so a method asks for "a backbone" and the choice of network stays here.
 * Today it is an MLP with batch norm, d → [dense → BN → ReLU] × layers (IMSAT's MNIST network is
 * 784–1200–1200 with BN); the convolutional encoder (nn/convEncoder.ts) is wired in as 'cnn'
 * once it lands, without touching the methods.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { createMlpEncoder } from '../nn/mlpEncoder';
import type { Network } from '../nn/network';
import type { MethodContext } from './types';

export type BackboneKind = 'mlp' | 'cnn';

/** A backbone whose batch-norm running statistics can be saved with its weights. */
export interface Backbone extends Network {
  statistics(): tf.Variable[];
}

export interface BackboneOptions {
  kind: BackboneKind;
  /** Width of every hidden layer, and of the output features. */
  width: number;
  /** Hidden layers (each dense → BN → ReLU). */
  layers: number;
}

/**
 * The backbone parameters every augmentation method shows (spread into its own specs), with the
 * method's own default size.
 */
export function backboneParams(width: number, layers: number) {
  return [
    { key: 'encoder', label: 'Encoder', help: "Feature network: 'mlp' (dense layers with batch norm; the convolutional encoder comes later).", kind: 'enum', default: 'mlp', options: ['mlp'] },
    { key: 'width', label: 'Encoder width', help: 'Units in every layer of the MLP backbone (IMSAT on MNIST: 1200).', kind: 'int', default: width, min: 4, max: 4096 },
    { key: 'layers', label: 'Encoder layers', help: 'Dense → batch norm → ReLU layers of the MLP backbone (IMSAT on MNIST: 2).', kind: 'int', default: layers, min: 1, max: 6 },
  ] as const;
}

export function createBackbone(ctx: Pick<MethodContext, 'dim'>, o: BackboneOptions, rng: Rng): Backbone {
  switch (o.kind) {
    case 'mlp': {
      // Built inside tidy: batch norm makes its variables from temporary tensors it does not free.
      let net: Backbone | null = null;
      tf.tidy(() => {
        // The output is normalised and activated too: heads and projectors read it as features.
        net = createMlpEncoder([ctx.dim, ...Array.from({ length: o.layers }, () => o.width)], rng, { activateOutput: true });
      });
      return net!;
    }
    case 'cnn':
      throw new Error("the convolutional backbone is not wired in yet; use encoder 'mlp'");
  }
}

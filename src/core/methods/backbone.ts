/**
 * The feature network of the augmentation and neighbourhood methods (IIC, CC, SimCLR, SCAN), behind
 * one factory, so a method names the kind and never builds layers itself:
 *  - 'mlp': d → hidden… → dim, batch norm + ReLU after every layer, the last included (the
 *    reference's feature h is Linear → BN → ReLU, scan_ref.py); works on any data, and is the quick
 *    default: on this machine's CPU backends it trains ~50× faster than the convnet;
 *  - 'cnn': the convolutional encoder of the SCAN reference (nn/convEncoder.ts: [conv 3×3 → max-pool
 *    → BN → ReLU] per width, then dense → BN → ReLU), for image data; it trains on WASM by the
 *    convolution route measured fastest there (nn/conv.ts).
 * Both keep batch-norm running statistics besides their trainable variables (`statistics()`): a
 * phase that trains one lists them as its `state()`, so a shared pretraining caches them too.
 */
import * as tf from '@tensorflow/tfjs';
import type { ImageShape } from '../data/dataset';
import { createConvEncoder, DEFAULT_CONV_ENCODER } from '../nn/convEncoder';
import { createMlpEncoder } from '../nn/mlpEncoder';
import type { Network } from '../nn/network';
import type { Rng } from '../rng';

export const BACKBONE_KINDS = ['mlp', 'cnn'] as const;
export type BackboneKind = (typeof BACKBONE_KINDS)[number];

export interface Backbone extends Network {
  /** Batch-norm running statistics (not trainable; not in `variables()`). */
  statistics(): tf.Variable[];
}

export interface BackboneOptions {
  kind: BackboneKind;
  /** Hidden widths of the MLP (the convnet has its own: 32/64/128 channels). */
  hidden: readonly number[];
  /** Width of the feature h. */
  dim: number;
}

export const BACKBONE_HELP =
  "Feature network: 'mlp' (dense layers with batch norm; any data, fast) or 'cnn' (3 conv → pool → batch-norm blocks of 32/64/128 channels, as the SCAN reference; images only, ~50× slower per image here).";

export function createBackbone(inputDim: number, image: ImageShape | undefined, o: BackboneOptions, rng: Rng): Backbone {
  switch (o.kind) {
    case 'mlp':
      return createMlpEncoder([inputDim, ...o.hidden, o.dim], rng, { activateOutput: true });
    case 'cnn':
      if (!image) throw new Error("encoder 'cnn' needs image data (these rows are vectors): choose encoder 'mlp'");
      return createConvEncoder(image, { ...DEFAULT_CONV_ENCODER, dim: o.dim }, rng);
  }
}

/** The backbone parameters IIC and CC show (spread into their specs), with the method's default size. */
export function backboneParams(width: number, layers: number) {
  return [
    { key: 'encoder', label: 'Encoder', help: BACKBONE_HELP, kind: 'enum', default: 'mlp', options: BACKBONE_KINDS },
    { key: 'width', label: 'Encoder width', help: 'Units in every layer of the MLP backbone, and the feature width (IMSAT on MNIST: 1200).', kind: 'int', default: width, min: 4, max: 4096 },
    { key: 'layers', label: 'Encoder layers', help: 'Dense → batch norm → ReLU layers of the MLP backbone (IMSAT on MNIST: 2).', kind: 'int', default: layers, min: 1, max: 6 },
  ] as const;
}

/** IIC's and CC's backbone: `layers` dense layers of `width`, the last one the features. */
export function widthLayersBackbone(inputDim: number, image: ImageShape | undefined, p: { encoder: BackboneKind; width: number; layers: number }, rng: Rng): Backbone {
  return createBackbone(inputDim, image, { kind: p.encoder, hidden: Array.from({ length: p.layers - 1 }, () => p.width), dim: p.width }, rng);
}

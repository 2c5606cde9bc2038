/**
 * Bench 'train-cnn': SimCLR-like gradient steps of the convolutional encoder (conv 32-64-128,
 * 128 features; shared/reference/scan_ref.py's backbone) on 28×28×1 images through the engine's
 * own phase trainer: each step makes two weakly augmented views of a batch on the device, encodes
 * both and minimises NT-Xent (τ 0.5, as the reference; no projection head). Random pixel rows
 * (speed does not depend on the values). samplesPerSec counts images, each encoded twice.
 * Runs in a worker whose backend is already set; `route` picks how the convolutions get their
 * gradients (conv.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { AUGMENT_PRESETS, augmentImages } from '../core/augment/imageAugment';
import type { Phase } from '../core/methods/types';
import type { ConvRoute } from '../core/nn/conv';
import { createConvEncoder, DEFAULT_CONV_ENCODER } from '../core/nn/convEncoder';
import { ntXent } from '../core/nn/ntXent';
import { createRng } from '../core/rng';
import { timePhase } from './timePhase';

const IMAGE = { width: 28, height: 28, channels: 1 } as const;
/**
 * A quarter of the reference's 256: a WASM step then takes about two seconds on two busy cores,
 * and the software WebGL / WebGPU / CPU backends here finish a few steps within the timeout.
 */
const BATCH = 64;
const ROWS = 2048;
const WARMUP_STEPS = 1;

export async function benchTrainCnn(seconds: number, route: ConvRoute): Promise<{ samplesPerSec: number; steps: number; seconds: number }> {
  const rng = createRng(0);
  const augmentRng = rng.fork();
  const x = tf.tidy(() => tf.randomUniform([ROWS, IMAGE.width * IMAGE.height], 0, 1, 'float32', rng.seed())) as tf.Tensor2D;
  const encoder = createConvEncoder(IMAGE, { ...DEFAULT_CONV_ENCODER, route }, rng);
  const phase: Phase = {
    id: 'bench',
    label: 'bench (NT-Xent, two views)',
    steps: Number.MAX_SAFE_INTEGER,
    batchSize: BATCH,
    optimizer: { kind: 'adam', learningRate: 1e-3 },
    variables: () => encoder.variables(),
    loss: (batch) => {
      const a = augmentImages(batch, IMAGE, AUGMENT_PRESETS.weakDigits, augmentRng);
      const b = augmentImages(batch, IMAGE, AUGMENT_PRESETS.weakDigits, augmentRng);
      const z = encoder.apply(tf.concat([a, b], 0), true);
      return { total: ntXent(tf.slice(z, [0, 0], [BATCH, -1]), tf.slice(z, [BATCH, 0], [BATCH, -1]), 0.5) };
    },
  };
  try {
    return await timePhase(phase, x, rng, seconds, { warmupSteps: WARMUP_STEPS, fenceEvery: 1 });
  } finally {
    encoder.dispose();
    x.dispose();
  }
}

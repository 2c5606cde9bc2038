/**
 * Bench 'train': gradient steps of DEC's autoencoder (Xie et al. 2016: d-500-500-2000-10, batch
 * 256) through the engine's own phase trainer, on random 784-d rows (speed does not depend on
 * the values). Runs in a worker whose backend is already set.
 */
import * as tf from '@tensorflow/tfjs';
import { createAutoencoder } from '../core/nn/autoencoder';
import type { Phase } from '../core/methods/types';
import { createRng } from '../core/rng';
import { timePhase } from './timePhase';

const DIMS = [784, 500, 500, 2000, 10];
const BATCH = 256;
const ROWS = 4096;
// Few: on a software WebGPU adapter (SwiftShader) one step of this model takes ~10 s.
const WARMUP_STEPS = 2;

export async function benchTrain(seconds: number): Promise<{ samplesPerSec: number; steps: number; seconds: number }> {
  const rng = createRng(0);
  const x = tf.tidy(() => tf.randomUniform([ROWS, DIMS[0]], 0, 1, 'float32', rng.seed())) as tf.Tensor2D;
  const ae = createAutoencoder(DIMS, rng);
  const phase: Phase = {
    id: 'bench',
    label: 'bench (reconstruction)',
    steps: Number.MAX_SAFE_INTEGER,
    batchSize: BATCH,
    optimizer: { kind: 'adam', learningRate: 1e-3 },
    variables: () => ae.variables(),
    loss: (batch) => ({ total: ae.reconstructionLoss(batch) }),
  };
  try {
    // Same queue bound as the engine: wait for the device every few steps.
    return await timePhase(phase, x, rng, seconds, { warmupSteps: WARMUP_STEPS, fenceEvery: 4 });
  } finally {
    ae.dispose();
    x.dispose();
  }
}

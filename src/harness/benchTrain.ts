/**
 * Bench 'train': gradient steps of DEC's autoencoder (Xie et al. 2016: d-500-500-2000-10, batch
 * 256) through the engine's own phase trainer, on random 784-d rows (speed does not depend on
 * the values). Runs in a worker whose backend is already set.
 */
import * as tf from '@tensorflow/tfjs';
import { createAutoencoder } from '../core/nn/autoencoder';
import { createBatcher } from '../core/engine/batcher';
import { createLossAccumulator } from '../core/engine/lossAccumulator';
import { createPhaseTrainer } from '../core/engine/phaseTrainer';
import type { Phase } from '../core/methods/types';
import { createRng } from '../core/rng';

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
  const losses = createLossAccumulator();
  const trainer = createPhaseTrainer(phase, x, losses);
  const batcher = createBatcher(ROWS, BATCH, rng);
  try {
    let step = 0;
    for (; step < WARMUP_STEPS; step++) trainer.step(batcher.next(), step);
    await losses.fence();
    const t0 = performance.now();
    let steps = 0;
    while (performance.now() - t0 < seconds * 1000) {
      trainer.step(batcher.next(), step++);
      steps++;
      // Same queue bound as the engine: wait for the device every few steps.
      if (steps % 4 === 0) await losses.fence();
    }
    await losses.fence();
    const elapsed = (performance.now() - t0) / 1000;
    return { samplesPerSec: (steps * BATCH) / elapsed, steps, seconds: elapsed };
  } finally {
    trainer.dispose();
    losses.dispose();
    ae.dispose();
    x.dispose();
  }
}

/**
 * Times a gradient phase through the engine's own phase trainer: a few warm-up steps (kernels and
 * shader caches), then as many steps as fit in `seconds` (at least one, however slow the backend),
 * waiting for the device every `fenceEvery` steps as the engine does. Frees the trainer and its
 * losses; the caller frees the phase's network and data.
 */
import type * as tf from '@tensorflow/tfjs';
import { createBatcher } from '../core/engine/batcher';
import { createLossAccumulator } from '../core/engine/lossAccumulator';
import { createPhaseTrainer } from '../core/engine/phaseTrainer';
import type { Phase } from '../core/methods/types';
import type { Rng } from '../core/rng';

export interface PhaseTiming {
  samplesPerSec: number;
  steps: number;
  seconds: number;
}

export async function timePhase(phase: Phase, x: tf.Tensor2D, rng: Rng, seconds: number, o: { warmupSteps: number; fenceEvery: number }): Promise<PhaseTiming> {
  const losses = createLossAccumulator();
  const trainer = createPhaseTrainer(phase, x, losses);
  const batcher = createBatcher(x.shape[0], phase.batchSize, rng);
  try {
    let step = 0;
    for (; step < o.warmupSteps; step++) trainer.step(batcher.next(), step);
    await losses.fence();
    const t0 = performance.now();
    let steps = 0;
    while (steps < 1 || performance.now() - t0 < seconds * 1000) {
      trainer.step(batcher.next(), step++);
      steps++;
      if (steps % o.fenceEvery === 0) await losses.fence();
    }
    await losses.fence();
    const elapsed = (performance.now() - t0) / 1000;
    return { samplesPerSec: (steps * batcher.batchSize) / elapsed, steps, seconds: elapsed };
  } finally {
    trainer.dispose();
    losses.dispose();
  }
}

/**
 * Gradient steps of one phase: gather the batch from the resident data tensor, differentiate the
 * method's loss, apply the optimiser, add the losses to the running sums — all inside one tf.tidy,
 * so a step leaves no tensor behind. Shared by the session loop and the benchmark page.
 */
import * as tf from '@tensorflow/tfjs';
import type { Phase } from '../methods/types';
import type { LossAccumulator } from './lossAccumulator';
import { createPhaseOptimizer } from './optimizer';

export interface PhaseTrainer {
  /** Enqueue one step on the given row indices. Synchronous; no readback. */
  step(indices: Int32Array, step: number): void;
  /** Frees the optimiser and its slot variables. */
  dispose(): void;
}

export function isGradientPhase(phase: Phase): boolean {
  return phase.steps > 0 && typeof phase.loss === 'function';
}

export function createPhaseTrainer(phase: Phase, x: tf.Tensor2D, losses: LossAccumulator): PhaseTrainer {
  const lossFn = phase.loss;
  if (!lossFn) throw new Error(`phase '${phase.id}' has steps but no loss`);
  if (!phase.optimizer) throw new Error(`phase '${phase.id}' has a loss but no optimizer`);
  const optimizer = createPhaseOptimizer(phase.optimizer, phase.steps);
  const variables = phase.variables?.();

  return {
    step(indices, step) {
      tf.tidy(() => {
        const idx = tf.tensor1d(indices, 'int32');
        const batch = tf.gather(x, idx) as tf.Tensor2D;
        let parts: Record<string, tf.Scalar> | undefined;
        const { value, grads } = tf.variableGrads(() => {
          const l = lossFn.call(phase, batch, idx, step);
          // variableGrads tidies the forward pass and keeps only the returned total; keep the
          // named parts too so they can be summed below, then free them by hand.
          if (l.parts) {
            parts = {};
            for (const [k, v] of Object.entries(l.parts)) parts[k] = tf.keep(v);
          }
          return l.total;
        }, variables);
        optimizer.apply(grads, step);
        losses.add(value, parts);
        // A part may be the total itself; kept tensors escape tidy, so free each one once.
        if (parts) for (const t of new Set(Object.values(parts))) t.dispose();
      });
    },
    dispose() {
      optimizer.dispose();
    },
  };
}

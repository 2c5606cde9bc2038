/**
 * A minimal phase driver for tests and experiment scripts, with the engine's semantics (begin,
 * check before step 0 and every checkEvery steps, full batches from a fresh permutation per epoch,
 * tf.tidy + tf.variableGrads around each step) but no snapshots, pausing or events.
 */
import * as tf from '@tensorflow/tfjs';
import { permutation, type Rng } from '../rng';
import type { MethodRun, OptimizerSpec, Phase } from './types';

function optimizer(spec: OptimizerSpec): tf.Optimizer {
  if (spec.kind === 'adam') return tf.train.adam(spec.learningRate);
  return spec.momentum ? tf.train.momentum(spec.learningRate, spec.momentum) : tf.train.sgd(spec.learningRate);
}

export interface PhaseReport {
  id: string;
  steps: number;
  seconds: number;
  /** Mean total loss over the last window of up to 50 steps (NaN for phases without steps). */
  lastLoss: number;
  /**
   * Tensors left behind by the optimiser after dispose(): tfjs 4.22's Adam and Momentum each keep
   * one scalar. Steps run in tf.tidy, so this window holds no tensor of the method's.
   */
  optimizerLeak: number;
}

export async function runPhase(phase: Phase, x: tf.Tensor2D, rng: Rng): Promise<PhaseReport> {
  const t0 = performance.now();
  if (phase.begin) await phase.begin();
  let done = 0;
  let optimizerLeak = 0;
  let lastLoss = NaN;
  let lossSum: tf.Scalar | null = null;
  if (phase.steps > 0 && phase.loss && phase.optimizer) {
    const tensorsBefore = tf.memory().numTensors;
    const opt = optimizer(phase.optimizer);
    const n = x.shape[0];
    const b = Math.min(phase.batchSize, n);
    let order = permutation(n, rng);
    let pos = 0;
    for (let s = 0; s < phase.steps; s++) {
      if (phase.check && (s === 0 || (phase.checkEvery && s % phase.checkEvery === 0)) && (await phase.check(s))) break;
      if (pos + b > n) [order, pos] = [permutation(n, rng), 0];
      const ids = order.slice(pos, pos + b);
      pos += b;
      tf.tidy(() => {
        const idx = tf.tensor1d(ids, 'int32');
        const { value, grads } = tf.variableGrads(() => phase.loss!(tf.gather(x, idx) as tf.Tensor2D, idx, s).total, phase.variables?.());
        opt.applyGradients(grads);
        // Sum the losses of the current window of 50 steps (no readback per step).
        const prev: tf.Scalar | null = s % 50 === 0 ? null : lossSum;
        if (s % 50 === 0) (lossSum as tf.Scalar | null)?.dispose();
        lossSum = tf.keep((prev ? tf.add(prev, value) : tf.clone(value)) as tf.Scalar);
        prev?.dispose();
      });
      done = s + 1;
    }
    const total = lossSum as tf.Scalar | null;
    if (total) {
      lastLoss = (await total.data())[0] / (((done - 1) % 50) + 1);
      total.dispose();
    }
    opt.dispose();
    optimizerLeak = tf.memory().numTensors - tensorsBefore;
  }
  return { id: phase.id, steps: done, seconds: (performance.now() - t0) / 1000, lastLoss, optimizerLeak };
}

/** Runs every phase of `run` in order; returns what each took. */
export async function runPhases(run: MethodRun, x: tf.Tensor2D, rng: Rng): Promise<PhaseReport[]> {
  const reports: PhaseReport[] = [];
  for (const phase of run.phases) reports.push(await runPhase(phase, x, rng));
  return reports;
}

/** Hard labels of all rows from the run's soft assignment (null before it has clusters). */
export async function predictLabels(run: MethodRun, x: tf.Tensor2D): Promise<Int32Array | null> {
  const q = run.assign(x);
  if (!q) return null;
  const lab = tf.argMax(q, 1);
  q.dispose();
  const out = Int32Array.from((await lab.data()) as Int32Array);
  lab.dispose();
  return out;
}

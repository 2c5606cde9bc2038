/**
 * Runs a method's phases one at a time for tests and experiment scripts (e.g. to read the ACC
 * between phases), with the engine's own pieces — its phase trainer (tf.tidy + variableGrads +
 * optimiser), batcher and loss accumulator — so the semantics are the engine's by construction.
 * Only the order of begin / check / step lives here; snapshots, pausing and events do not.
 */
import * as tf from '@tensorflow/tfjs';
import { createBatcher } from '../engine/batcher';
import { createLossAccumulator, TOTAL } from '../engine/lossAccumulator';
import { createPhaseTrainer, isGradientPhase } from '../engine/phaseTrainer';
import type { Rng } from '../rng';
import type { MethodRun, Phase } from './types';

/** Steps per loss window (one readback each). */
const WINDOW = 50;

export interface PhaseReport {
  id: string;
  steps: number;
  seconds: number;
  /** Mean total loss over the last window of up to 50 steps (NaN for phases without steps). */
  lastLoss: number;
  /** Tensors the phase's training left behind (0 unless the optimiser leaks). */
  optimizerLeak: number;
}

/** For experiment scripts: called after `begin` (step 0, no losses) and every `every` steps. */
export interface PhaseProgress {
  every: number;
  /** `losses`: mean of each loss part over its latest window (≤ 50 steps, since the last report). */
  report(step: number, losses: Record<string, number>): Promise<void>;
}

export async function runPhase(phase: Phase, x: tf.Tensor2D, rng: Rng, progress?: PhaseProgress): Promise<PhaseReport> {
  const t0 = performance.now();
  if (phase.begin) await phase.begin();
  await progress?.report(0, {});
  let done = 0;
  let lastLoss = NaN;
  let optimizerLeak = 0;
  if (isGradientPhase(phase)) {
    const before = tf.memory().numTensors;
    const losses = createLossAccumulator();
    const trainer = createPhaseTrainer(phase, x, losses);
    const batcher = createBatcher(x.shape[0], phase.batchSize, rng.fork());
    const checkEvery = phase.checkEvery ?? 0;
    let means: Record<string, number> | null = null;
    let reported = 0;
    try {
      for (let s = 0; s < phase.steps; s++) {
        if (phase.check && (s === 0 || (checkEvery > 0 && s % checkEvery === 0)) && (await phase.check(s))) break;
        if (losses.count === WINDOW) means = await losses.read(); // start a new window
        trainer.step(batcher.next(), s);
        done = s + 1;
        if (progress && done % progress.every === 0) {
          means = await losses.read();
          await progress.report((reported = done), means);
        }
      }
      if (losses.count > 0) means = await losses.read();
      if (progress && reported < done) await progress.report(done, means ?? {});
      // The accumulator leaves out a total that equals the only part; then that part is it.
      if (means) lastLoss = means[TOTAL] ?? Object.values(means)[0] ?? NaN;
    } finally {
      trainer.dispose();
      losses.dispose();
    }
    optimizerLeak = tf.memory().numTensors - before;
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

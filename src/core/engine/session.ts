/**
 * One training session: dataset on the device once, the method's phases in order, gradient steps
 * on batches gathered by index, snapshots a few times a second, pause/resume/stop between steps.
 * Talks to the outside only through `emit` (worker events) and the controller.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset';
import type { Method, MethodRun, Phase } from '../methods/types';
import { resolveParams } from '../methods/resolveParams';
import { createRng } from '../rng';
import type { RunConfig, Snapshot, TrainEvent } from '../../worker/protocol';
import { createBatcher } from './batcher';
import type { RunController } from './controller';
import { createLossAccumulator } from './lossAccumulator';
import { createPhaseTrainer, isGradientPhase } from './phaseTrainer';
import { drawSample, readyEvent, readyTransfer } from './sample';
import { nonFiniteLoss, snapshotTransfer, takeSnapshot } from './snapshot';
import { yieldNow } from './yieldNow';

export type Emit = (event: TrainEvent, transfer?: Transferable[]) => void;

export interface StepInfo {
  phase: string;
  /** Step within the phase (1-based: the number of steps done). */
  step: number;
  globalStep: number;
}

export interface SessionOptions {
  runId: string;
  config: RunConfig;
  dataset: Dataset;
  method: Method;
  controller: RunController;
  emit: Emit;
  /** Observer called after every gradient step (tests count tensors here). */
  onStep?(info: StepInfo): void;
  now?(): number;
}

export type SessionEnd = 'finished' | 'stopped' | 'error';

/** Work between event-loop turns: short enough that pause/stop feel immediate. */
const YIELD_MS = 30;
const PROGRESS_MS = 250;
/** Snapshots (an all-points forward pass) may take at most 1/(1+4) of the time. */
const SNAPSHOT_COST_FACTOR = 4;
const COLLAPSE_FRACTION = 0.9;

class SessionError extends Error {
  constructor(message: string, readonly phase: string, readonly step: number) {
    super(message);
  }
}

export async function runSession(o: SessionOptions): Promise<SessionEnd> {
  const { runId, config, dataset, method, controller, emit } = o;
  const now = o.now ?? (() => performance.now());
  const warn = (message: string): void => emit({ type: 'warning', runId, message });

  const { params, errors } = resolveParams(method, config.budget, config.params);
  for (const e of errors) warn(`${method.name}: ${e} (using the default)`);
  const k = config.k ?? dataset.numClasses;
  if (!Number.isInteger(k) || k < 2 || k > dataset.n) {
    emit({ type: 'error', runId, message: `k = ${k} clusters is not possible with ${dataset.n} points` });
    return 'error';
  }

  const root = createRng(config.seed);
  const sampleRng = root.fork();
  const methodRng = root.fork();
  const batchRng = root.fork();

  const t0 = now();
  let pausedMs = 0;
  const elapsed = (): number => now() - t0 - pausedMs;

  const x = tf.tensor2d(dataset.x, [dataset.n, dataset.dim]);
  const indices = drawSample(dataset.n, config.sampleSize, sampleRng);
  const sampleX = tf.tidy(() => tf.gather(x, tf.tensor1d(indices, 'int32'))) as tf.Tensor2D;
  const losses = createLossAccumulator();
  let run: MethodRun | null = null;

  let phaseId = '';
  let phaseStep = 0;
  let globalStep = 0;
  // Samples/s counts only time spent stepping (and waiting for the device), not snapshots.
  let samples = 0;
  let trainMs = 0;
  let lastProgress = -Infinity;
  let lastSnapshot = -Infinity;
  let snapshotCost = 0;
  let collapseWarned = false;

  /** Yield, then honour pause; false when the run was stopped. */
  const checkpoint = async (): Promise<boolean> => {
    await yieldNow();
    if (controller.state === 'paused') {
      const p0 = now();
      emit({ type: 'paused', runId });
      const state = await controller.whilePaused();
      pausedMs += now() - p0;
      if (state === 'stopped') return false;
      emit({ type: 'resumed', runId });
    }
    return controller.state !== 'stopped';
  };

  const progress = (phase: Phase, phaseIndex: number, epoch: number): void => {
    emit({
      type: 'progress',
      runId,
      phase: phase.id,
      phaseLabel: phase.label,
      phaseIndex,
      phaseCount: run!.phases.length,
      step: phaseStep,
      steps: phase.steps,
      epoch,
      samplesPerSec: trainMs > 0 ? (samples * 1000) / trainMs : 0,
      elapsedMs: elapsed(),
    });
    samples = 0;
    trainMs = 0;
    lastProgress = elapsed();
  };

  const snapshot = async (includeAll = false): Promise<Snapshot> => {
    const s0 = now();
    const means = await losses.read();
    const bad = nonFiniteLoss(means);
    if (bad) {
      throw new SessionError(
        `${method.name}: loss ${bad} in phase '${phaseId}' at step ${phaseStep} — training diverged`,
        phaseId,
        phaseStep,
      );
    }
    const snap = await takeSnapshot({
      run: run!,
      dataset,
      k,
      x,
      sampleX,
      sampleIndices: indices,
      step: globalStep,
      phase: phaseId,
      elapsedMs: elapsed(),
      losses: means,
      includeAll,
    });
    snapshotCost = now() - s0;
    lastSnapshot = elapsed();
    const largest = snap.largestClusterFraction;
    if (largest !== null && largest > COLLAPSE_FRACTION && !collapseWarned) {
      collapseWarned = true;
      warn(
        `${method.name}: ${Math.round(largest * 100)}% of the points are in one cluster (phase '${phaseId}', step ${phaseStep}) — the clustering may have collapsed`,
      );
    }
    return snap;
  };
  const emitSnapshot = async (): Promise<void> => {
    const snap = await snapshot();
    emit({ type: 'snapshot', runId, snapshot: snap }, snapshotTransfer(snap));
  };
  const snapshotDue = (): boolean =>
    elapsed() - lastSnapshot >= Math.max(config.snapshotEveryMs, SNAPSHOT_COST_FACTOR * snapshotCost);

  /** The gradient steps of one phase; false when stopped. */
  const train = async (phase: Phase, phaseIndex: number): Promise<boolean> => {
    const trainer = createPhaseTrainer(phase, x, losses);
    const batcher = createBatcher(dataset.n, phase.batchSize, batchRng.fork());
    const checkEvery = phase.checkEvery ?? 0;
    let lastYield = now();
    try {
      for (let s = 0; s < phase.steps; s++) {
        if (phase.check && (s === 0 || (checkEvery > 0 && s % checkEvery === 0))) {
          if (await phase.check(s)) break;
        }
        const st = now();
        trainer.step(batcher.next(), s);
        samples += batcher.batchSize;
        phaseStep = s + 1;
        globalStep++;
        o.onStep?.({ phase: phase.id, step: phaseStep, globalStep });
        trainMs += now() - st;
        if (now() - lastYield < YIELD_MS) continue;
        const f0 = now();
        await losses.fence();
        trainMs += now() - f0;
        if (!(await checkpoint())) return false;
        if (elapsed() - lastProgress >= PROGRESS_MS) progress(phase, phaseIndex, batcher.epoch);
        if (snapshotDue()) await emitSnapshot();
        lastYield = now();
      }
      progress(phase, phaseIndex, batcher.epoch);
      return true;
    } finally {
      trainer.dispose();
    }
  };

  try {
    const ready = readyEvent(runId, dataset, k, indices);
    emit(ready, readyTransfer(ready));
    run = method.create({ x, n: dataset.n, dim: dataset.dim, k, image: dataset.image, rng: methodRng, params });
    const phases = run.phases;
    for (let p = 0; p < phases.length; p++) {
      const phase = phases[p];
      phaseId = phase.id;
      phaseStep = 0;
      if (!(await checkpoint())) break;
      progress(phase, p, 0);
      if (phase.begin) await phase.begin();
      if (isGradientPhase(phase) && !(await train(phase, p))) break;
      // Every phase but the last ends with a snapshot; the last one's is the final snapshot.
      if (p < phases.length - 1 && controller.state !== 'stopped') await emitSnapshot();
    }
    if (controller.state === 'stopped') {
      emit({ type: 'done', runId, reason: 'stopped', seconds: elapsed() / 1000, final: null });
      return 'stopped';
    }
    const final = await snapshot(true);
    emit({ type: 'done', runId, reason: 'finished', seconds: elapsed() / 1000, final }, snapshotTransfer(final));
    return 'finished';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const where = err instanceof SessionError ? err : { phase: phaseId, step: phaseStep };
    emit({
      type: 'error',
      runId,
      message: err instanceof SessionError ? message : `${method.name}, phase '${where.phase}', step ${where.step}: ${message}`,
      phase: where.phase || undefined,
      step: where.step,
    });
    return 'error';
  } finally {
    run?.dispose();
    losses.dispose();
    tf.dispose([x, sampleX]);
  }
}

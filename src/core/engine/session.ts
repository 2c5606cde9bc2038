/**
 * One training session, steppable: the dataset on the device, the method's phases in order,
 * gradient steps on batches gathered by index, snapshots a few times a second. `step()` does one
 * slice of work (≈ 30 ms of steps, one phase's begin(), or a snapshot) and returns, so a
 * scheduler can interleave several sessions on one backend and tests can drive one directly.
 * A first phase that declares `shared` (autoencoder pretraining) is not trained here: the run
 * takes it from the shared starts (cached, or one job trained for every run that needs it).
 * Talks to the outside only through `emit`.
 */
import * as tf from '@tensorflow/tfjs';
import type { ReportProgress } from '../external/types';
import type { MethodRun, Phase } from '../methods/types';
import { resolveParams } from '../methods/resolveParams';
import { RunStopped } from './runStopped';
import { phaseBatches } from './batcher';
import { createLossAccumulator } from './lossAccumulator';
import { createSnapshotPacer } from './pacing';
import { createPhaseTrainer, isGradientPhase } from './phaseTrainer';
import type { JobSubscriber, PretrainJob } from './pretrainJob';
import { drawSample, readyEvent, readyTransfer } from './sample';
import type { Scheduler, TaskState } from './scheduler';
import { sharedPhase, type SharedResult } from './sharedPhase';
import { createSharedStarts } from './sharedStarts';
import { clusterPreview } from './preview';
import { nonFiniteLoss, sampleLabels, snapshotTransfer, takeSnapshot } from './snapshot';
import { runStreams } from './streams';
import type { Session, SessionEnd, SessionOptions, SessionStatus, Snapshot } from './types';

export type { Emit, Session, SessionEnd, SessionOptions, SessionStatus, StepInfo } from './types';

/** Work between event-loop turns: short enough that pause/stop feel immediate. */
const SLICE_MS = 30;
const PROGRESS_MS = 250;
const COLLAPSE_FRACTION = 0.9;

class SessionError extends Error {
  constructor(message: string, readonly phase: string, readonly step: number) {
    super(message);
  }
}

export function createSession(o: SessionOptions): Session {
  const { runId, config, dataset, method, emit } = o;
  const now = o.now ?? (() => performance.now());
  const sliceMs = o.sliceMs ?? SLICE_MS;
  const shared = o.sharedStarts ?? createSharedStarts();
  const warn = (message: string): void => emit({ type: 'warning', runId, message });

  let over: SessionEnd | null = null;
  let paused = false;
  let stopRequested = false;
  let waitingOn: PretrainJob | null = null;
  /** A phase's begin() under way beside the scheduler's other tasks (settles, never rejects). */
  let beginning: Promise<void> | null = null;
  let scheduler: Scheduler | null = null;

  const t0 = now();
  let pausedMs = 0;
  let pausedAt = 0;
  /** Wall time of the run, pauses excluded (what the user reads as "elapsed"). */
  const elapsed = (): number => now() - t0 - pausedMs - (paused ? now() - pausedAt : 0);
  let computeMs = 0;
  let sliceStart = 0;
  /** Time this session has spent working, the current slice included (snapshot pacing). */
  const compute = (): number => computeMs + (sliceStart > 0 ? now() - sliceStart : 0);

  const { params, errors } = resolveParams(method, config.budget, config.params);
  const k = config.k ?? dataset.numClasses;
  const streams = runStreams(config.seed);
  const pacer = createSnapshotPacer(config.snapshotEveryMs, now);
  const losses = createLossAccumulator();

  let x: tf.Tensor2D | null = null;
  let sampleX: tf.Tensor2D | null = null;
  let indices: Int32Array = new Int32Array(0);
  let run: MethodRun | null = null;
  let phaseId = '';
  let phaseIndex = 0;
  let phaseStep = 0;
  let globalStep = 0;
  let samplesSeen = 0;
  /** Training samples of every gradient phase, planned when the run is created. */
  let plannedSamples = 0;
  // Samples/s counts only time spent stepping (and waiting for the device), not snapshots.
  let windowSamples = 0;
  let windowMs = 0;
  let lastProgress = -Infinity;
  let collapseWarned = false;
  /** Losses of a shared pretraining, shown by the snapshot that ends the phase. */
  let carriedLosses: Record<string, number> | null = null;
  /** The latest losses read, and their phase. */
  let lastLosses: { phase: string; means: Record<string, number> } | null = null;

  const progress = (
    phase: Phase,
    epoch: number,
    extra: { samplesPerSec?: number; sharedBy?: number; work?: { label: string; done: number; total: number } } = {},
  ): void => {
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
      samplesPerSec: extra.samplesPerSec ?? (windowMs > 0 ? (windowSamples * 1000) / windowMs : 0),
      samplesSeen,
      globalStep,
      overall: { done: Math.min(samplesSeen, plannedSamples), total: plannedSamples },
      elapsedMs: elapsed(),
      ...(extra.sharedBy && extra.sharedBy > 1 ? { sharedBy: extra.sharedBy } : {}),
      ...(extra.work ? { work: extra.work } : {}),
    });
    windowSamples = 0;
    windowMs = 0;
    lastProgress = now();
  };

  const read = async (includeAll: boolean, emitted: boolean): Promise<Snapshot> => {
    const s0 = now();
    let means = await losses.read();
    if (carriedLosses && Object.keys(means).length === 0) means = carriedLosses;
    carriedLosses = null;
    // No step since the last read (a paced snapshot fell on the phase's last step): the phase's
    // latest losses still describe it.
    if (Object.keys(means).length === 0 && lastLosses?.phase === phaseId) means = lastLosses.means;
    else lastLosses = { phase: phaseId, means };
    const bad = nonFiniteLoss(means);
    if (bad) throw new SessionError(`${method.name}: loss ${bad} in phase '${phaseId}' at step ${phaseStep} — training diverged`, phaseId, phaseStep);
    const snap = await takeSnapshot({
      run: run!,
      dataset,
      k,
      x: x!,
      sampleX: sampleX!,
      sampleIndices: indices,
      step: globalStep,
      phase: phaseId,
      elapsedMs: elapsed(),
      samplesSeen,
      losses: means,
      includeAll,
    });
    if (emitted) pacer.taken(now() - s0, compute());
    const largest = snap.largestClusterFraction;
    if (largest !== null && largest > COLLAPSE_FRACTION && !collapseWarned) {
      collapseWarned = true;
      warn(`${method.name}: ${Math.round(largest * 100)}% of the points are in one cluster (phase '${phaseId}', step ${phaseStep}) — the clustering may have collapsed`);
    }
    return snap;
  };

  const emitSnapshot = async (): Promise<void> => {
    const snap = await read(false, true);
    emit({ type: 'snapshot', runId, snapshot: snap }, snapshotTransfer(snap));
  };

  /** A method's long one-off work (MethodContext.report): a progress event at most every PROGRESS_MS, and its end. */
  const reportWork: ReportProgress = (done, total, label) => {
    if (stopRequested) throw new RunStopped();
    if (!run || over || (done < total && now() - lastProgress < PROGRESS_MS)) return;
    progress(run.phases[phaseIndex], 0, { work: { label, done, total } });
  };

  /** The slice is used up, or the user wants the run to stop moving. */
  const sliceOver = (): boolean => paused || stopRequested || now() - sliceStart >= sliceMs;

  /** The gradient steps of one phase, a slice per resumption. */
  async function* train(phase: Phase): AsyncGenerator<void, void, void> {
    const trainer = createPhaseTrainer(phase, x!, losses);
    const batcher = phaseBatches(phase, dataset.n, streams.batch.fork());
    const checkEvery = phase.checkEvery ?? 0;
    try {
      for (let s = 0; s < phase.steps; s++) {
        if (phase.check && (s === 0 || (checkEvery > 0 && s % checkEvery === 0))) {
          if (await phase.check(s)) break;
        }
        const st = now();
        trainer.step(batcher.next(s), s);
        phaseStep = s + 1;
        globalStep++;
        samplesSeen += batcher.batchSize;
        windowSamples += batcher.batchSize;
        o.onStep?.({ phase: phase.id, step: phaseStep, globalStep });
        windowMs += now() - st;
        if (!sliceOver()) continue;
        const f0 = now();
        await losses.fence();
        windowMs += now() - f0;
        if (now() - lastProgress >= PROGRESS_MS) progress(phase, batcher.epoch);
        if (pacer.due(compute())) await emitSnapshot();
        yield;
      }
      progress(phase, batcher.epoch);
    } finally {
      trainer.dispose();
    }
  }

  /** What the run does for the shared pretraining it waits on. */
  const subscriber: JobSubscriber = {
    get active() {
      return !paused && !stopRequested;
    },
    progress(p) {
      phaseStep = p.step;
      globalStep = p.step;
      samplesSeen = p.samplesSeen;
      progress(run!.phases[0], p.epoch, { samplesPerSec: p.samplesPerSec, sharedBy: p.sharedBy });
    },
    async snapshot(job, means) {
      const embedding = await job.embed(indices, sampleX!);
      const snap: Snapshot = {
        step: globalStep,
        phase: phaseId,
        elapsedMs: elapsed(),
        samplesSeen,
        embedding,
        embedDim: embedding.length / Math.max(1, indices.length),
        assignment: null,
        confidence: null,
        losses: means,
        metrics: null,
        internal: null,
        largestClusterFraction: null,
      };
      const preview = clusterPreview(embedding, snap.embedDim, k, sampleLabels(dataset, indices));
      if (preview) snap.preview = preview;
      emit({ type: 'snapshot', runId, snapshot: snap }, snapshotTransfer(snap));
    },
    wake: () => scheduler?.wake(),
  };

  /** The first phase from the shared starts instead of training it here. */
  async function* sharedStart(phase: Phase): AsyncGenerator<void, void, void> {
    // Keep the batch streams of later phases where a run that trained this phase would have them.
    streams.batch.fork();
    let r: SharedResult;
    try {
      r = yield* sharedPhase(phase, {
        job: {
          method,
          params,
          dataset,
          x: x!,
          k,
          seed: config.seed,
          snapshotEveryMs: config.snapshotEveryMs,
          sliceMs,
          now,
          onStep: o.onStep ? (step) => o.onStep!({ phase: phase.id, step, globalStep: step }) : undefined,
        },
        sharedStarts: shared,
        subscriber,
        scheduler: () => scheduler,
        waiting: (job) => (waitingOn = job),
      });
    } catch (err) {
      throw new SessionError(err instanceof Error ? err.message : String(err), phase.id, phaseStep);
    }
    carriedLosses = r.losses;
    phaseStep = phase.steps;
    globalStep = phase.steps;
    samplesSeen = phase.steps * Math.min(phase.batchSize, dataset.n);
    emit({ type: 'shared-start', runId, cached: r.cached, sharedBy: r.sharedBy, seconds: r.seconds });
    progress(phase, 0, { sharedBy: r.sharedBy });
  }

  async function* program(): AsyncGenerator<void, void, void> {
    try {
      for (const e of errors) warn(`${method.name}: ${e} (using the default)`);
      if (!Number.isInteger(k) || k < 2 || k > dataset.n) {
        throw new SessionError(
          k > dataset.n ? `k = ${k} clusters is not possible with ${dataset.n} points` : `k = ${k}: clustering needs at least 2 clusters`,
          '',
          0,
        );
      }
      x = o.x ?? tf.tensor2d(dataset.x, [dataset.n, dataset.dim]);
      indices = drawSample(dataset.n, config.sampleSize, streams.sample);
      sampleX = tf.tidy(() => tf.gather(x!, tf.tensor1d(indices, 'int32'))) as tf.Tensor2D;
      const ready = readyEvent(runId, dataset, k, indices);
      emit(ready, readyTransfer(ready));
      run = method.create({ x, n: dataset.n, dim: dataset.dim, k, image: dataset.image, rng: streams.method, params, external: o.external, report: reportWork });
      const phases = run.phases;
      plannedSamples = phases.filter(isGradientPhase).reduce((sum, p) => sum + p.steps * Math.min(p.batchSize, dataset.n), 0);
      for (let p = 0; p < phases.length; p++) {
        const phase = phases[p];
        phaseId = phase.id;
        phaseIndex = p;
        phaseStep = 0;
        progress(phase, 0);
        if (p === 0 && phase.shared && isGradientPhase(phase)) {
          yield* sharedStart(phase);
        } else {
          if (phase.begin) {
            const pending = phase.begin();
            if (scheduler) {
              // Long one-off work (a backbone's features of every image) runs beside the other
              // runs of the scheduler: this one is blocked until it settles, not the whole loop.
              let settled = false;
              beginning = pending.then(
                () => undefined,
                () => undefined,
              );
              void beginning.then(() => {
                settled = true;
                beginning = null;
                scheduler?.wake();
              });
              while (!settled) yield;
            }
            await pending;
            yield;
          }
          if (isGradientPhase(phase)) yield* train(phase);
        }
        // Every phase but the last ends with a snapshot; the last one's is the final snapshot.
        if (p < phases.length - 1) {
          await emitSnapshot();
          yield;
        }
      }
      const final = await read(true, false);
      over = 'finished';
      emit({ type: 'done', runId, reason: 'finished', seconds: elapsed() / 1000, final }, snapshotTransfer(final));
    } finally {
      run?.dispose();
      losses.dispose();
      for (const t of o.x ? [sampleX] : [x, sampleX]) t?.dispose();
      run = null;
    }
  }

  const gen = program();
  const fail = (err: unknown): void => {
    over = 'error';
    const message = err instanceof Error ? err.message : String(err);
    const where = err instanceof SessionError ? err : { phase: phaseId, step: phaseStep };
    emit({
      type: 'error',
      runId,
      message: err instanceof SessionError ? message : `${method.name}, phase '${where.phase}', step ${where.step}: ${message}`,
      phase: where.phase || undefined,
      step: where.step,
    });
  };

  const session: Session = {
    runId,
    get status(): SessionStatus {
      return over ?? (paused ? 'paused' : waitingOn ? 'waiting' : 'running');
    },
    get state(): TaskState {
      if (over) return 'done';
      // A stop waits (blocked, the other runs going on) for a begin() under way to end — at its next
      // report, or when done — so nothing it makes outlives the run's dispose.
      if (beginning) return 'blocked';
      if (stopRequested) return 'ready';
      if (paused || (waitingOn && !waitingOn.settled)) return 'blocked';
      return 'ready';
    },
    get position() {
      return { phase: phaseId, phaseIndex, phaseStep, globalStep };
    },
    attach(s) {
      scheduler = s;
    },
    async step() {
      if (over) return;
      if (stopRequested) {
        try {
          if (beginning) return; // see `state`: woken when it settles
          await gen.return();
        } catch (err) {
          fail(err);
          return;
        }
        over = 'stopped';
        emit({ type: 'done', runId, reason: 'stopped', seconds: elapsed() / 1000, final: null });
        return;
      }
      sliceStart = now();
      try {
        await gen.next();
      } catch (err) {
        if (err instanceof RunStopped) {
          // Stopped inside a phase's long begin() (it reports through MethodContext.report).
          over = 'stopped';
          emit({ type: 'done', runId, reason: 'stopped', seconds: elapsed() / 1000, final: null });
        } else fail(err);
      } finally {
        computeMs += now() - sliceStart;
        sliceStart = 0;
      }
    },
    async snapshot(opts = {}) {
      if (!run || !x || !sampleX) return null;
      return read(opts.all ?? false, false);
    },
    pause() {
      if (over || paused || stopRequested) return;
      paused = true;
      pausedAt = now();
      emit({ type: 'paused', runId });
    },
    resume() {
      if (!paused || over) return;
      pausedMs += now() - pausedAt;
      paused = false;
      emit({ type: 'resumed', runId });
      waitingOn?.join(subscriber); // lets a job that waited on this run go on
      scheduler?.wake();
    },
    stop() {
      if (over) return;
      if (paused) {
        pausedMs += now() - pausedAt;
        paused = false;
      }
      stopRequested = true;
      scheduler?.wake();
    },
  };
  return session;
}

/**
 * A shared pretraining in flight: the first phase of a method, trained once for every run that
 * declared the same key. It rebuilds the run's own context from the seed (runStreams), so it
 * trains exactly what a run alone would; runs subscribe to it, see its progress and snapshots as
 * their own, and copy its weights when it is done. It runs while at least one subscriber is
 * active (not paused) and is cancelled when the last one leaves.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset';
import type { Method, MethodRun, Params, Phase } from '../methods/types';
import { phaseBatches, type PhaseBatches } from './batcher';
import { createLossAccumulator } from './lossAccumulator';
import { createSnapshotPacer } from './pacing';
import { createPhaseTrainer, type PhaseTrainer } from './phaseTrainer';
import type { Scheduler, TaskState } from './scheduler';
import type { SharedJob } from './sharedStarts';
import { nonFiniteLoss } from './snapshot';
import { runStreams } from './streams';

export interface JobProgress {
  step: number;
  steps: number;
  epoch: number;
  samplesPerSec: number;
  samplesSeen: number;
  sharedBy: number;
}

/** What a run does for the job it waits on. */
export interface JobSubscriber {
  /** False while the run is paused or stopping: a job nobody is active on waits. */
  readonly active: boolean;
  progress(p: JobProgress): void;
  /** A snapshot is due: the run embeds its own sample with the job's network and emits it. */
  snapshot(job: PretrainJob, losses: Record<string, number>): Promise<void>;
  /** The job has settled (or an active subscriber may let it run again). */
  wake(): void;
}

export interface PretrainJob extends SharedJob {
  /** Why it failed (a non-finite loss); null otherwise. */
  readonly error: string | null;
  readonly steps: number;
  readonly samplesSeen: number;
  /** Wall time from the first step to the end. */
  readonly seconds: number;
  /** Loss means since the last job snapshot, read at the end: the runs' end-of-phase snapshot shows them. */
  readonly finalLosses: Record<string, number>;
  /** Runs that joined it over its life. */
  readonly sharedBy: number;
  join(sub: JobSubscriber): void;
  leave(sub: JobSubscriber): void;
  /** The sample's embedding under the network being trained (one readback per snapshot round). */
  embed(indices: Int32Array, sampleX: tf.Tensor2D): Promise<Float32Array>;
}

export interface PretrainJobOptions {
  method: Method;
  params: Params;
  dataset: Dataset;
  /** The data on the device; the job keeps its own reference (the run that started it may stop first). */
  x: tf.Tensor2D;
  k: number;
  seed: number;
  snapshotEveryMs: number;
  sliceMs: number;
  now(): number;
  onSettled(): void;
  /** Observer after every step (tests count tensors). */
  onStep?(step: number): void;
}

const PROGRESS_MS = 250;

export function createPretrainJob(o: PretrainJobOptions): PretrainJob {
  const { now } = o;
  const subs: JobSubscriber[] = [];
  let joined = 0;
  let scheduler: Scheduler | null = null;
  let x: tf.Tensor2D | null = null;
  let run: MethodRun | null = null;
  let trainer: PhaseTrainer | null = null;
  let batcher: PhaseBatches | null = null;
  const losses = createLossAccumulator();
  const pacer = createSnapshotPacer(o.snapshotEveryMs, now);
  let steps = 0;
  let done = 0;
  let samplesSeen = 0;
  let started = -1;
  let seconds = 0;
  let computeMs = 0;
  let windowSamples = 0;
  let windowMs = 0;
  let lastProgress = -Infinity;
  let settled = false;
  let cancelRequested = false;
  let weights: Float32Array[] | null = null;
  let error: string | null = null;
  let finalLosses: Record<string, number> = {};
  let memo: { step: number; indices: Int32Array; embedding: Float32Array }[] = [];

  const open = (): void => {
    const streams = runStreams(o.seed);
    const d = o.dataset;
    // A clone shares the device buffer; it only keeps it alive while the job needs it.
    x = tf.clone(o.x);
    run = o.method.create({ x, n: d.n, dim: d.dim, k: o.k, image: d.image, rng: streams.method, params: o.params });
    const phase = run.phases[0];
    steps = phase.steps;
    trainer = createPhaseTrainer(phase, x, losses);
    // The run's first gradient phase takes the batch stream's first fork.
    batcher = phaseBatches(phase, d.n, streams.batch.fork());
    started = now();
  };

  const release = (): void => {
    trainer?.dispose();
    run?.dispose();
    x?.dispose();
    losses.dispose();
    trainer = null;
    run = null;
    x = null;
    memo = [];
  };

  const settle = (): void => {
    settled = true;
    seconds = started < 0 ? 0 : (now() - started) / 1000;
    release();
    o.onSettled();
    for (const s of [...subs]) s.wake();
  };

  const progress = (): void => {
    const p: JobProgress = {
      step: done,
      steps,
      epoch: batcher?.epoch ?? 0,
      samplesPerSec: windowMs > 0 ? (windowSamples * 1000) / windowMs : 0,
      samplesSeen,
      sharedBy: joined,
    };
    for (const s of subs) s.progress(p);
    windowSamples = 0;
    windowMs = 0;
    lastProgress = now();
  };

  const snapshot = async (): Promise<void> => {
    const s0 = now();
    const means = await losses.read();
    const bad = nonFiniteLoss(means);
    if (bad) throw new Error(`${o.method.name}: loss ${bad} in the shared pretraining at step ${done} — training diverged`);
    for (const s of [...subs]) await s.snapshot(job, means);
    pacer.taken(now() - s0, computeMs + (now() - s0));
  };

  /** Gradient steps for one slice; true when the phase is complete. */
  const train = async (sliceStart: number): Promise<boolean> => {
    while (done < steps) {
      const st = now();
      trainer!.step(batcher!.next(done), done);
      done++;
      samplesSeen += batcher!.batchSize;
      windowSamples += batcher!.batchSize;
      o.onStep?.(done);
      windowMs += now() - st;
      if (now() - sliceStart >= o.sliceMs || cancelRequested || !subs.some((s) => s.active)) break;
    }
    const f0 = now();
    await losses.fence();
    windowMs += now() - f0;
    return done >= steps;
  };

  const job: PretrainJob = {
    get state(): TaskState {
      if (settled) return 'done';
      if (cancelRequested) return 'ready';
      return subs.some((s) => s.active) ? 'ready' : 'blocked';
    },
    get settled() {
      return settled;
    },
    get weights() {
      return weights;
    },
    get error() {
      return error;
    },
    get steps() {
      return steps;
    },
    get samplesSeen() {
      return samplesSeen;
    },
    get seconds() {
      return seconds;
    },
    get finalLosses() {
      return finalLosses;
    },
    get sharedBy() {
      return joined;
    },
    attach(s) {
      scheduler = s;
    },
    join(sub) {
      if (!subs.includes(sub)) {
        subs.push(sub);
        joined++;
      }
      scheduler?.wake();
    },
    leave(sub) {
      const i = subs.indexOf(sub);
      if (i >= 0) subs.splice(i, 1);
      if (subs.length === 0 && !settled) cancelRequested = true;
      scheduler?.wake();
    },
    async embed(indices, sampleX) {
      const same = memo.find((m) => m.step === done && m.indices.length === indices.length && m.indices.every((v, i) => v === indices[i]));
      if (same) return same.embedding.slice();
      const emb = tf.tidy(() => run!.embed(sampleX, indices));
      try {
        const embedding = Float32Array.from(await emb.data());
        memo = [...memo.filter((m) => m.step === done), { step: done, indices, embedding }];
        return embedding.slice();
      } finally {
        emb.dispose();
      }
    },
    async step() {
      if (settled) return;
      if (cancelRequested) {
        settle();
        return;
      }
      const s0 = now();
      try {
        if (!run) open();
        const complete = await train(s0);
        computeMs += now() - s0;
        if (complete) {
          finalLosses = await losses.read();
          const bad = nonFiniteLoss(finalLosses);
          if (bad) throw new Error(`${o.method.name}: loss ${bad} at the end of the shared pretraining — training diverged`);
          weights = await Promise.all(sharedWeights(run!.phases[0]).map(async (v) => Float32Array.from(await v.data())));
          progress();
          settle();
          return;
        }
        if (now() - lastProgress >= PROGRESS_MS) progress();
        if (pacer.due(computeMs)) await snapshot();
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
        settle();
      }
    },
  };
  return job;
}

/** What a shared phase's result is: its trainable variables, then its other state (e.g. batch-norm statistics). */
export function sharedWeights(phase: Phase): tf.Variable[] {
  return [...phase.variables!(), ...(phase.state?.() ?? [])];
}

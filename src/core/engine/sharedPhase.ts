/**
 * A run's first phase taken from the shared starts instead of trained by the run: the weights
 * from the cache, or from the one job that trains them for every run with the same key (the run
 * waits for it, yielding, and sees its progress and snapshots through its subscriber). The key
 * is everything the weights depend on: the data's content, the backend, the seed, the phase's key.
 */
import * as tf from '@tensorflow/tfjs';
import { datasetKey } from '../data/datasetKey';
import type { Phase } from '../methods/types';
import { createPretrainJob, sharedWeights, type JobSubscriber, type PretrainJob, type PretrainJobOptions } from './pretrainJob';
import type { Scheduler } from './scheduler';
import type { SharedStarts } from './sharedStarts';

/** Bumped when what a shared pretraining computes changes, so old cached weights are not reused. */
const SHARED_START_VERSION = 1;

export interface SharedPhaseContext {
  /** What a job trains, should this run be the first to need it. */
  job: Omit<PretrainJobOptions, 'onSettled'>;
  sharedStarts: SharedStarts;
  subscriber: JobSubscriber;
  /** The run's scheduler; null when it is stepped by hand (then the run steps the job itself). */
  scheduler(): Scheduler | null;
  /** The job the run waits on, and null once it may go on: the run reports 'waiting' meanwhile. */
  waiting(job: PretrainJob | null): void;
}

export interface SharedResult {
  cached: boolean;
  /** Runs that shared the job (1 when cached). */
  sharedBy: number;
  seconds: number;
  /** The job's last loss means, for the snapshot that ends the phase (null when cached). */
  losses: Record<string, number> | null;
}

export async function* sharedPhase(phase: Phase, c: SharedPhaseContext): AsyncGenerator<void, SharedResult, void> {
  const { method, dataset, seed } = c.job;
  const key = [`v${SHARED_START_VERSION}`, datasetKey(dataset), tf.getBackend(), `seed ${seed}`, phase.shared].join(' | ');
  const got = await c.sharedStarts.acquire(key, (onSettled) => {
    const job = createPretrainJob({ ...c.job, onSettled });
    c.scheduler()?.add(job);
    return job;
  });
  let weights: Float32Array[];
  let result: SharedResult = { cached: true, sharedBy: 1, seconds: 0, losses: null };
  if (got.cached) {
    weights = got.weights;
  } else {
    const job = got.job as PretrainJob;
    c.waiting(job);
    job.join(c.subscriber);
    try {
      while (!job.settled) {
        if (!c.scheduler()) await job.step();
        yield;
      }
    } finally {
      job.leave(c.subscriber);
      c.waiting(null);
    }
    if (!job.weights) throw new Error(job.error ?? `${method.name}: the shared pretraining was cancelled`);
    weights = job.weights;
    result = { cached: false, sharedBy: job.sharedBy, seconds: job.seconds, losses: job.finalLosses };
  }
  const vars = sharedWeights(phase);
  if (vars.length !== weights.length || vars.some((v, i) => v.size !== weights[i].length)) {
    throw new Error(`${method.name}: the cached pretraining does not fit this network`);
  }
  tf.tidy(() => vars.forEach((v, i) => v.assign(tf.tensor(weights[i], v.shape))));
  return result;
}

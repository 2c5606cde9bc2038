/** Test helper: runs a session and collects its events. */
import type * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../../data/dataset';
import type { ExternalKnowledge } from '../../external/types';
import { createRng } from '../../rng';
import type { Method } from '../../methods/types';
import type { RunConfig, TrainEvent } from '../types';
import { runSession } from '../runSession';
import type { Session, SessionEnd, StepInfo } from '../session';
import type { SharedStarts } from '../sharedStarts';

export interface Collected {
  end: SessionEnd;
  events: TrainEvent[];
}

export function testConfig(over: Partial<RunConfig> = {}): RunConfig {
  return {
    dataset: 'test',
    method: 'toy',
    seed: 0,
    backend: 'wasm',
    budget: 'quick',
    k: null,
    params: {},
    retention: 1,
    sampleSize: 50,
    snapshotEveryMs: 0,
    ...over,
  };
}

export interface RunHooks {
  /** The session, as soon as it exists (to pause or stop it). */
  session?(s: Session): void;
  onStep?(info: StepInfo, events: TrainEvent[]): void;
  /** Shared pretrainings across runs; each run keeps a private one without it. */
  sharedStarts?: SharedStarts;
  /** The data on the device, owned by the caller (the one an ExternalKnowledge reads too). */
  x?: tf.Tensor2D;
  external?: ExternalKnowledge;
}

export async function runToEnd(dataset: Dataset, method: Method, config: RunConfig, hooks: RunHooks = {}): Promise<Collected> {
  const events: TrainEvent[] = [];
  const end = await runSession(
    {
      runId: 'r1',
      config,
      dataset,
      method,
      emit: (e) => events.push(e),
      sharedStarts: hooks.sharedStarts,
      x: hooks.x,
      external: hooks.external,
      onStep: hooks.onStep ? (info) => hooks.onStep!(info, events) : undefined,
    },
    hooks.session,
  );
  return { end, events };
}

/** A labelled dataset of k well-separated Gaussian blobs in `dim` dimensions. */
export function blobsDataset(n: number, dim: number, k: number, seed = 1): Dataset {
  const rand = createRng(seed).next;
  const x = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    labels[i] = c;
    for (let j = 0; j < dim; j++) x[i * dim + j] = (j % k === c ? 3 : 0) + 0.3 * (rand() - 0.5);
  }
  return { id: 'test', name: 'Test blobs', n, dim, x, labels, numClasses: k };
}

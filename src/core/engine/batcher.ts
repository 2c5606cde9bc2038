/**
 * Mini-batch indices from a fresh seeded permutation per epoch. Only indices live in JS: the
 * engine uploads each slice and gathers rows from the device-resident data tensor.
 *
 * Every batch has the same size (a short tail starts the next epoch instead), so kernels and
 * shader caches see one shape and the tensor count per step never changes.
 */
import type { Phase } from '../methods/types';
import { permutation, type Rng } from '../rng';

export interface Batcher {
  /** Indices of the next batch (a view; copy before keeping it past the next call). */
  next(): Int32Array;
  /** 1-based epoch of the batch last returned (0 before the first). */
  readonly epoch: number;
  readonly batchSize: number;
}

export function createBatcher(n: number, batchSize: number, rng: Rng): Batcher {
  if (n < 1) throw new Error('cannot batch an empty dataset');
  const size = Math.max(1, Math.min(Math.floor(batchSize), n));
  let order: Int32Array = new Int32Array(0);
  let pos = 0;
  let epoch = 0;
  return {
    batchSize: size,
    get epoch() {
      return epoch;
    },
    next() {
      if (pos + size > order.length) {
        order = permutation(n, rng);
        pos = 0;
        epoch++;
      }
      const batch = order.subarray(pos, pos + size);
      pos += size;
      return batch;
    },
  };
}

/**
 * The batches of one gradient phase: its own sampler when it has one (Phase.nextBatch), else the
 * seeded permutation above. `epoch` then counts passes of `batchSize` rows over the n points.
 */
export interface PhaseBatches {
  /** Indices of the batch for the phase's step (0-based). */
  next(step: number): Int32Array;
  readonly epoch: number;
  readonly batchSize: number;
}

export function phaseBatches(phase: Phase, n: number, rng: Rng): PhaseBatches {
  const own = phase.nextBatch;
  if (!own) {
    const batcher = createBatcher(n, phase.batchSize, rng);
    return {
      get epoch() {
        return batcher.epoch;
      },
      batchSize: batcher.batchSize,
      next: () => batcher.next(),
    };
  }
  const size = Math.max(1, Math.min(Math.floor(phase.batchSize), n));
  let epoch = 0;
  return {
    batchSize: size,
    get epoch() {
      return epoch;
    },
    next(step) {
      const ids = own.call(phase, step);
      if (ids.length !== size) throw new Error(`phase '${phase.id}': nextBatch gave ${ids.length} indices, expected ${size}`);
      epoch = Math.floor((step * size) / n) + 1;
      return ids;
    },
  };
}

/**
 * Mini-batch indices from a fresh seeded permutation per epoch. Only indices live in JS: the
 * engine uploads each slice and gathers rows from the device-resident data tensor.
 *
 * Every batch has the same size (a short tail starts the next epoch instead), so kernels and
 * shader caches see one shape and the tensor count per step never changes.
 */
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

/**
 * A run's independent random streams, forked from its seed in a fixed order: the snapshot sample,
 * the method (its networks and k-means seeds), and the batch order (one fork per gradient phase).
 * A shared pretraining rebuilds the same streams, so it trains exactly what the run itself would.
 */
import { createRng, type Rng } from '../rng';

export interface RunStreams {
  sample: Rng;
  method: Rng;
  batch: Rng;
}

export function runStreams(seed: number): RunStreams {
  const root = createRng(seed);
  const sample = root.fork();
  const method = root.fork();
  const batch = root.fork();
  return { sample, method, batch };
}

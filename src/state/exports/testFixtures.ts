/** Small hand-made runs for the export tests: a 6-row dataset whose sample is rows 4, 1 and 5. */
import type { ReadyInfo } from '../run';
import type { Snapshot } from '../../core/engine/types';

export const noPause = (): Promise<void> => Promise.resolve();

export function fixtureReady(over: Partial<ReadyInfo> = {}): ReadyInfo {
  return {
    dataset: { id: 'toy', name: 'Toy', n: 6, dim: 4, numClasses: 2, classNames: ['zéro', 'one, "uno"'], image: { width: 2, height: 2, channels: 1 } },
    k: 3,
    indices: Int32Array.from([4, 1, 5]),
    labels: Int32Array.from([0, 1, 1]),
    pixels: new Uint8Array(3 * 4).map((_, i) => i * 10),
    allLabels: Int32Array.from([0, 1, 0, 0, 0, 1]),
    ...over,
  };
}

export function fixtureSnapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    step: 42,
    phase: 'cluster',
    elapsedMs: 1234,
    samplesSeen: 4096,
    embedding: Float32Array.from([0, 0, 1, 0, 5, 5]),
    embedDim: 2,
    assignment: Int32Array.from([2, 0, 1]),
    confidence: Float32Array.from([0.9, 0.51234, 0.75]),
    losses: { kl: 0.25 },
    metrics: { acc: 0.8, nmi: 0.7, ari: 0.6 },
    internal: { silhouette: 0.3, daviesBouldin: 1.1, calinskiHarabasz: 200, sizeEntropy: 0.95 },
    largestClusterFraction: 0.4,
    ...over,
  };
}

export const FINAL_ALL = {
  cluster: Int32Array.from([0, 0, 1, -1, 2, 1]),
  confidence: Float32Array.from([0.6, 0.51234, 0.7, 0.2, 0.9, 0.75]),
};

/**
 * For method tests: a seeded sample of n MNIST-10k digits on the device, its labels, and the ACC
 * of k-means on those raw pixels — the baseline a deep method must beat.
 */
import * as tf from '@tensorflow/tfjs';
import { kmeans } from '../cluster/kmeans';
import type { Dataset, ImageShape } from '../data/dataset';
import { loadDataset } from '../data/registry';
import { acc } from '../metrics';
import { createRng, sampleIndices } from '../rng';
import { nodeDataIO } from './nodeDataIO';

export interface MnistSample {
  /** n × dim; the caller disposes it. */
  x: tf.Tensor2D;
  y: Int32Array;
  n: number;
  dim: number;
  /** 28 × 28 × 1, for methods that augment images. */
  image: ImageShape;
  /** ACC of k-means (nInit restarts, seed 1) on the raw pixels of the sample. */
  accRaw: number;
  /** The same rows as a Dataset, for a session. */
  dataset: Dataset;
}

export async function mnistSample(n: number, kmeansRestarts: number): Promise<MnistSample> {
  const full = await loadDataset('mnist-10k', nodeDataIO, 0);
  const rows = sampleIndices(full.n, n, createRng(0));
  const y = Int32Array.from(rows, (i) => full.labels![i]);
  const all = tf.tensor2d(full.x, [full.n, full.dim]);
  const x = tf.tidy(() => tf.gather(all, tf.tensor1d(rows, 'int32'))) as tf.Tensor2D;
  all.dispose();
  const raw = await kmeans(x, { k: 10, rng: createRng(1), nInit: kmeansRestarts });
  raw.centroids.dispose();
  const xs = new Float32Array(n * full.dim);
  rows.forEach((r, i) => xs.set(full.x.subarray(r * full.dim, (r + 1) * full.dim), i * full.dim));
  const dataset: Dataset = { ...full, id: `mnist-sample-${n}`, n, x: xs, labels: y };
  return { x, y, n, dim: full.dim, image: full.image!, accRaw: acc(y, raw.labels), dataset };
}

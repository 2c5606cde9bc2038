// k-means on raw MNIST-10k pixels: time and ACC (reference: scikit-learn n_init=20 → ACC 0.533).
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { kmeans } from '../../src/core/cluster/kmeans';
import { loadDataset } from '../../src/core/data/registry';
import { acc } from '../../src/core/metrics';
import { createRng } from '../../src/core/rng';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';

it('k-means on MNIST-10k pixels', async () => {
  const ds = await loadDataset('mnist-10k', nodeDataIO, 0);
  const x = tf.tensor2d(ds.x, [ds.n, ds.dim]);
  for (const nInit of [1, 20]) {
    for (const seed of [0, 1]) {
      const t0 = performance.now();
      const r = await kmeans(x, { k: 10, rng: createRng(seed), nInit });
      const s = (performance.now() - t0) / 1000;
      console.log(`nInit ${nInit} seed ${seed}: ${s.toFixed(2)} s, ACC ${acc(ds.labels!, r.labels).toFixed(3)}, inertia ${r.inertia.toFixed(0)}, iterations ${r.iterations}`);
      r.centroids.dispose();
    }
  }
  x.dispose();
});

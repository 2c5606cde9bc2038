// Any method of METHODS on MNIST-10k (or DATASET, e.g. mnist: all 70,000; or its first N rows) in
// Node with the WASM backend, through the app's own session: ACC / NMI / ARI and the losses at every
// phase end and about every EVERY steps. With CACHE (a folder) the pretrained autoencoder is kept
// per data / architecture / epochs / batch / seed, so several methods and settings are traced from
// one pretraining — exactly the shared start the app uses.
// Env: METHOD, DATASET, N, SEEDS (comma list), BUDGET, PARAMS (JSON), EVERY (steps, default 0),
// CACHE, DOWNSAMPLE (1: 2×2 average pooling, 28×28 → 14×14).
// Run: CACHE=/tmp/ae METHOD=dcn EVERY=100 npx vitest run -c scripts/experiments/vitest.config.ts trace
import { it } from 'vitest';
import type { Dataset } from '../../src/core/data/dataset';
import { loadDataset } from '../../src/core/data/registry';
import { createSharedStarts } from '../../src/core/engine/sharedStarts';
import { findMethod } from '../../src/core/methods';
import type { Budget } from '../../src/core/methods/types';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';
import { drive, fileWeightStore } from './drive';

const env = process.env;

/** The first n rows, optionally average-pooled 2×2. */
function prepare(d: Dataset, n: number, downsample: boolean): Dataset {
  const head: Dataset = { ...d, n, x: d.x.slice(0, n * d.dim), labels: d.labels?.slice(0, n) };
  if (!downsample || !d.image) return head;
  const { width: w, height: h } = d.image;
  const W = w >> 1;
  const H = h >> 1;
  const x = new Float32Array(n * W * H);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < W; c++) {
        const src = i * d.dim + 2 * r * w + 2 * c;
        x[i * W * H + r * W + c] = (head.x[src] + head.x[src + 1] + head.x[src + w] + head.x[src + w + 1]) / 4;
      }
    }
  }
  return { ...head, id: `${d.id}-pooled`, dim: W * H, x, image: { width: W, height: H, channels: 1 } };
}

it('trace a method', async () => {
  const loaded = await loadDataset(env.DATASET ?? 'mnist-10k', nodeDataIO, 0);
  const dataset = prepare(loaded, Math.min(loaded.n, Number(env.N ?? loaded.n)), !!env.DOWNSAMPLE);
  const method = findMethod(env.METHOD ?? 'dcn');
  if (!method) throw new Error(`no method ${env.METHOD}`);
  const sharedStarts = createSharedStarts(env.CACHE ? fileWeightStore(env.CACHE) : undefined);
  for (const seed of (env.SEEDS ?? '0').split(',').map(Number)) {
    console.log(`${method.id} on ${dataset.id} (n ${dataset.n}), seed ${seed}, ${env.PARAMS ?? '{}'}`);
    await drive({
      dataset,
      method,
      seed,
      budget: (env.BUDGET ?? 'quick') as Budget,
      params: JSON.parse(env.PARAMS ?? '{}'),
      every: Number(env.EVERY ?? 0),
      sharedStarts,
      report: (line) => console.log(line),
    });
  }
});

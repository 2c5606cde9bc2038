// The DEC autoencoder's pretraining curve on MNIST-10k (WASM, Node): mean MSE per epoch, to set
// beside the PyTorch reference's printout (dec_ref.py: epoch 1 / 11 / 21 … mse). Env: EPOCHS
// (default 21), SEED, ARCH (paper|small), BATCH.
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { loadDataset } from '../../src/core/data/registry';
import { createBatcher } from '../../src/core/engine/batcher';
import { createLossAccumulator } from '../../src/core/engine/lossAccumulator';
import { createPhaseTrainer } from '../../src/core/engine/phaseTrainer';
import { dec } from '../../src/core/methods/dec';
import { resolveParams } from '../../src/core/methods/resolveParams';
import { createRng } from '../../src/core/rng';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';

const env = process.env;

it('DEC autoencoder pretraining curve', async () => {
  const ds = await loadDataset('mnist-10k', nodeDataIO, 0);
  const x = tf.tensor2d(ds.x, [ds.n, ds.dim]);
  const epochs = Number(env.EPOCHS ?? 21);
  const { params } = resolveParams(dec, 'paper', { arch: env.ARCH ?? 'paper', batchSize: Number(env.BATCH ?? 256), pretrainEpochs: epochs });
  const rng = createRng(Number(env.SEED ?? 0));
  const run = dec.create({ x, n: ds.n, dim: ds.dim, k: 10, rng: rng.fork(), params });
  const phase = run.phases[0];
  const losses = createLossAccumulator();
  const trainer = createPhaseTrainer(phase, x, losses);
  const batcher = createBatcher(ds.n, phase.batchSize, rng.fork());
  const perEpoch = Math.ceil(ds.n / phase.batchSize);
  const t0 = performance.now();
  for (let e = 1; e <= epochs; e++) {
    for (let s = 0; s < perEpoch; s++) trainer.step(batcher.next(), (e - 1) * perEpoch + s);
    const m = await losses.read();
    if (e % 10 === 1 || e === epochs) console.log(`epoch ${e} mse=${Object.values(m)[0].toFixed(5)} t=${((performance.now() - t0) / 1000).toFixed(1)}s`);
  }
  trainer.dispose();
  losses.dispose();
  run.dispose();
  x.dispose();
});

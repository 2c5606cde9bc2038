// DEC on MNIST-10k with the WASM backend in Node: ACC after AE + k-means and after DEC, time per
// phase. Configure with env: ARCH (paper|small), EPOCHS, SEEDS (comma list), MAXITER, BATCH, LR,
// INTERVAL, SMALL_DIMS.
// Reference (PyTorch, 200 epochs): AE + k-means 0.728 / 0.718, DEC 0.785 / 0.824 (seeds 0 / 1).
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { loadDataset } from '../../src/core/data/registry';
import { AE_ARCHS } from '../../src/core/methods/autoencoderPhases';
import { dec } from '../../src/core/methods/dec';
import { resolveParams } from '../../src/core/methods/resolveParams';
import { predictLabels, runPhase } from '../../src/core/methods/testDriver';
import { acc, nmi } from '../../src/core/metrics';
import { createRng } from '../../src/core/rng';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';

const env = process.env;

it('DEC on MNIST-10k', async () => {
  const ds = await loadDataset('mnist-10k', nodeDataIO, 0);
  const x = tf.tensor2d(ds.x, [ds.n, ds.dim]);
  const overrides: Record<string, string | number> = {};
  if (env.ARCH) overrides.arch = env.ARCH;
  if (env.EPOCHS) overrides.pretrainEpochs = Number(env.EPOCHS);
  if (env.MAXITER) overrides.maxIter = Number(env.MAXITER);
  if (env.BATCH) overrides.batchSize = Number(env.BATCH);
  if (env.LR) overrides.pretrainLr = Number(env.LR);
  if (env.INTERVAL) overrides.updateInterval = Number(env.INTERVAL);
  // SMALL_DIMS=256,128,10 tries another 'small' architecture without editing the table.
  if (env.SMALL_DIMS) (AE_ARCHS as Record<string, readonly number[]>).small = env.SMALL_DIMS.split(',').map(Number);
  const { params, errors } = resolveParams(dec, 'quick', overrides);
  if (errors.length) throw new Error(errors.join('; '));
  for (const seed of (env.SEEDS ?? '0').split(',').map(Number)) {
    const rng = createRng(seed);
    const run = dec.create({ x, n: ds.n, dim: ds.dim, k: 10, rng: rng.fork(), params });
    const batchRng = rng.fork();
    const line: string[] = [`seed ${seed} ${JSON.stringify(params)}`];
    const t0 = performance.now();
    for (const phase of run.phases) {
      // Log the ACC at every target update of the clustering phase (the trajectory).
      const check = phase.check;
      if (check) {
        phase.check = async (step: number): Promise<boolean> => {
          const stop = await check(step);
          const labels = await predictLabels(run, x);
          console.log(`  ${phase.id} step ${step}: ACC ${acc(ds.labels!, labels!).toFixed(3)} at ${((performance.now() - t0) / 1000).toFixed(0)} s`);
          return stop;
        };
      }
      const r = await runPhase(phase, x, batchRng);
      const samples = r.steps * phase.batchSize;
      line.push(`${r.id}: ${r.steps} steps ${r.seconds.toFixed(1)} s${r.steps ? ` (${(samples / r.seconds).toFixed(0)} samples/s, loss ${r.lastLoss.toFixed(4)})` : ''}`);
      const labels = await predictLabels(run, x);
      if (labels) line.push(`  after ${r.id}: ACC ${acc(ds.labels!, labels).toFixed(3)} NMI ${nmi(ds.labels!, labels).toFixed(3)}`);
    }
    console.log(line.join('\n'));
    run.dispose();
  }
  x.dispose();
});

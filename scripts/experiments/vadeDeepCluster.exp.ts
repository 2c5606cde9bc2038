// VaDE or DeepCluster on MNIST-10k (or its first N digits) with the WASM backend in Node: ACC /
// NMI / ARI after every phase, ACC at every check, seconds per phase. Configure with env:
// METHOD (vade|deepcluster), BUDGET (quick|paper), PARAMS (JSON overrides), SEEDS (comma list), N.
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { loadDataset } from '../../src/core/data/registry';
import { findMethod } from '../../src/core/methods';
import { resolveParams } from '../../src/core/methods/resolveParams';
import { predictLabels, runPhase } from '../../src/core/methods/testDriver';
import { acc, ari, nmi } from '../../src/core/metrics';
import { createRng } from '../../src/core/rng';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';

const env = process.env;

it('VaDE / DeepCluster on MNIST-10k', async () => {
  const ds = await loadDataset('mnist-10k', nodeDataIO, 0);
  const n = Math.min(ds.n, Number(env.N ?? ds.n));
  const y = ds.labels!.slice(0, n);
  const x = tf.tensor2d(ds.x.slice(0, n * ds.dim), [n, ds.dim]);
  const method = findMethod(env.METHOD ?? 'vade');
  if (!method) throw new Error(`unknown METHOD ${env.METHOD}`);
  const { params, errors } = resolveParams(method, (env.BUDGET ?? 'quick') as 'quick' | 'paper', JSON.parse(env.PARAMS ?? '{}'));
  if (errors.length) throw new Error(errors.join('; '));
  for (const seed of (env.SEEDS ?? '0').split(',').map(Number)) {
    const rng = createRng(seed);
    const run = method.create({ x, n, dim: ds.dim, k: 10, image: ds.image, rng: rng.fork(), params });
    const batchRng = rng.fork();
    const t0 = performance.now();
    const line: string[] = [`${method.id} seed ${seed} n ${n} ${JSON.stringify(params)}`];
    for (const phase of run.phases) {
      const check = phase.check;
      if (check) {
        phase.check = async (step: number): Promise<boolean> => {
          const stop = await check(step);
          const labels = await predictLabels(run, x);
          if (labels) console.log(`  ${phase.id} step ${step}: ACC ${acc(y, labels).toFixed(3)} at ${((performance.now() - t0) / 1000).toFixed(0)} s`);
          return stop;
        };
      }
      const r = await runPhase(phase, x, batchRng);
      const samples = r.steps * phase.batchSize;
      line.push(`${r.id}: ${r.steps} steps ${r.seconds.toFixed(1)} s${r.steps ? ` (${(samples / r.seconds).toFixed(0)} samples/s, loss ${r.lastLoss.toFixed(4)})` : ''}`);
      const labels = await predictLabels(run, x);
      if (labels) line.push(`  after ${r.id}: ACC ${acc(y, labels).toFixed(3)} NMI ${nmi(y, labels).toFixed(3)} ARI ${ari(y, labels).toFixed(3)} at ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    console.log(line.join('\n'));
    run.dispose();
  }
  x.dispose();
});

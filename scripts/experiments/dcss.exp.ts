// DCSS on MNIST-10k (or a subset) with the WASM backend in Node: ACC / NMI / ARI after AE +
// k-means, after phase 1 (= DCSSu) and after MNet (= DCSS), time per phase, and the ACC at every
// check (centre refresh / epoch). Env: METHOD (dcss|dec-mnet), N (subset size), SEEDS (comma
// list), PARAMS (JSON overrides of the quick preset).
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { loadDataset } from '../../src/core/data/registry';
import { findMethod } from '../../src/core/methods';
import { dcss } from '../../src/core/methods/dcss';
import { dec } from '../../src/core/methods/dec';
import { withMNet } from '../../src/core/methods/mnetWith';
import { resolveParams } from '../../src/core/methods/resolveParams';
import { predictLabels, runPhase } from '../../src/core/methods/testDriver';
import { acc, ari, nmi } from '../../src/core/metrics';
import { createRng, sampleIndices } from '../../src/core/rng';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';

const env = process.env;

it('DCSS on MNIST-10k', async () => {
  // DCSS and X + MNet are not in METHODS yet (see methods/index.ts), so they are named here.
  const method = env.METHOD === 'dec-mnet' ? withMNet(dec) : env.METHOD ? findMethod(env.METHOD)! : dcss;
  const ds = await loadDataset('mnist-10k', nodeDataIO, 0);
  const n = Math.min(Number(env.N ?? ds.n), ds.n);
  const rows = sampleIndices(ds.n, n, createRng(0));
  const y = Int32Array.from(rows, (i) => ds.labels![i]);
  const all = tf.tensor2d(ds.x, [ds.n, ds.dim]);
  const x = tf.tidy(() => tf.gather(all, tf.tensor1d(rows, 'int32'))) as tf.Tensor2D;
  all.dispose();
  const { params, errors } = resolveParams(method, 'quick', JSON.parse(env.PARAMS ?? '{}'));
  if (errors.length) throw new Error(errors.join('; '));
  for (const seed of (env.SEEDS ?? '0').split(',').map(Number)) {
    const rng = createRng(seed);
    const run = method.create({ x, n, dim: ds.dim, k: 10, rng: rng.fork(), params });
    const batchRng = rng.fork();
    console.log(`${method.id} seed ${seed} n ${n} ${JSON.stringify(params)}`);
    const t0 = performance.now();
    const score = async (): Promise<string> => {
      const labels = await predictLabels(run, x);
      if (!labels) return 'no clusters yet';
      return `ACC ${acc(y, labels).toFixed(3)} NMI ${nmi(y, labels).toFixed(3)} ARI ${ari(y, labels).toFixed(3)}`;
    };
    for (const phase of run.phases) {
      const check = phase.check;
      if (check && env.TRACE) {
        phase.check = async (step: number): Promise<boolean> => {
          const stop = await check(step);
          console.log(`  ${phase.id} step ${step}: ${await score()} at ${((performance.now() - t0) / 1000).toFixed(0)} s`);
          return stop;
        };
      }
      const r = await runPhase(phase, x, batchRng);
      const samples = r.steps * phase.batchSize;
      const speed = r.steps ? ` (${(samples / r.seconds).toFixed(0)} samples/s, loss ${r.lastLoss.toFixed(4)})` : '';
      console.log(`${r.id}: ${r.steps} steps ${r.seconds.toFixed(1)} s${speed}` + `  → ${await score()}`);
    }
    console.log(`total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    run.dispose();
  }
  x.dispose();
});

// Any method of METHODS on MNIST-10k (or its first N rows) with the WASM backend in Node: ACC / NMI /
// ARI after each phase and seconds per phase. Env: METHOD (id), N, SEED, BUDGET (quick|paper),
// PARAMS (JSON overrides). Run: npx vitest run -c scripts/experiments/vitest.config.ts aePriors
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { loadDataset } from '../../src/core/data/registry';
import { findMethod } from '../../src/core/methods';
import { resolveParams } from '../../src/core/methods/resolveParams';
import { predictLabels, runPhase } from '../../src/core/methods/testDriver';
import type { Budget } from '../../src/core/methods/types';
import { acc, ari, nmi } from '../../src/core/metrics';
import { createRng } from '../../src/core/rng';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';

const env = process.env;

function downsample(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.reshape(tf.avgPool(tf.reshape(x, [-1, 28, 28, 1]) as tf.Tensor4D, 2, 2, 'valid'), [x.shape[0], 196]) as tf.Tensor2D);
}

it('a method on MNIST-10k', async () => {
  const ds = await loadDataset('mnist-10k', nodeDataIO, 0);
  const n = Math.min(ds.n, Number(env.N ?? ds.n));
  // DOWNSAMPLE=1: 2×2 average pooling, 28×28 → 14×14 (the contract test's cheap real set).
  const full = tf.tensor2d(ds.x.subarray(0, n * ds.dim), [n, ds.dim]);
  const x = env.DOWNSAMPLE ? downsample(full) : full;
  if (x !== full) full.dispose();
  const dim = x.shape[1];
  const y = ds.labels!.subarray(0, n);
  const method = findMethod(env.METHOD ?? 'dcn');
  if (!method) throw new Error(`no method ${env.METHOD}`);
  const { params, errors } = resolveParams(method, (env.BUDGET ?? 'quick') as Budget, JSON.parse(env.PARAMS ?? '{}'));
  if (errors.length) throw new Error(errors.join('; '));
  const rng = createRng(Number(env.SEED ?? 0));
  const run = method.create({ x, n, dim, k: 10, rng: rng.fork(), params });
  const batchRng = rng.fork();
  const t0 = performance.now();
  const lines = [`${method.id} n=${n} ${JSON.stringify(params)}`];
  for (const phase of run.phases) {
    const r = await runPhase(phase, x, batchRng);
    const labels = await predictLabels(run, x);
    const m = labels ? ` ACC ${acc(y, labels).toFixed(3)} NMI ${nmi(y, labels).toFixed(3)} ARI ${ari(y, labels).toFixed(3)}` : '';
    lines.push(`  ${r.id}: ${r.steps} steps ${r.seconds.toFixed(1)} s loss ${r.lastLoss.toFixed(4)}${m}`);
  }
  lines.push(`  total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(lines.join('\n'));
  run.dispose();
  x.dispose();
});

// ACC / NMI every EVERY steps through each phase after pretraining, for one method on MNIST-10k
// (or DATASET, e.g. mnist: all 70,000)
// (WASM backend, Node). The pretrained autoencoder is cached under CACHE (a folder) per
// arch / epochs / batch / seed, so several methods and settings can be traced from one pretraining.
// Env: METHOD, DATASET, SEED, BUDGET, PARAMS (JSON), EVERY (steps, default 100), CACHE.
// Run: CACHE=/tmp/ae METHOD=dcn npx vitest run -c scripts/experiments/vitest.config.ts trace
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { loadDataset } from '../../src/core/data/registry';
import { findMethod } from '../../src/core/methods';
import { resolveParams } from '../../src/core/methods/resolveParams';
import { predictLabels, runPhase } from '../../src/core/methods/testDriver';
import type { Budget, MethodRun, Phase } from '../../src/core/methods/types';
import { acc, nmi } from '../../src/core/metrics';
import { createRng, type Rng } from '../../src/core/rng';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';

const env = process.env;
const EVERY = Number(env.EVERY ?? 100);

async function score(run: MethodRun, x: tf.Tensor2D, y: Int32Array): Promise<string> {
  const labels = await predictLabels(run, x);
  if (!labels) return '';
  const sizes = new Array(10).fill(0);
  for (const l of labels) sizes[l]++;
  return `ACC ${acc(y, labels).toFixed(3)} NMI ${nmi(y, labels).toFixed(3)} sizes ${sizes.join(',')}`;
}

/** Pretraining from the cache when present (its batch rng is still forked, as runPhase does). */
async function pretrain(phase: Phase, x: tf.Tensor2D, rng: Rng, file: string): Promise<void> {
  const vars = phase.variables?.() ?? [];
  if (env.CACHE && fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as number[][];
    vars.forEach((v, i) => v.assign(tf.tensor(saved[i], v.shape)));
    rng.fork();
    return;
  }
  await runPhase(phase, x, rng);
  if (env.CACHE) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(await Promise.all(vars.map(async (v) => Array.from(await v.data())))));
  }
}

/** The phase through the test driver, scored after `begin` and every EVERY steps. */
async function traced(phase: Phase, x: tf.Tensor2D, rng: Rng, run: MethodRun, y: Int32Array): Promise<void> {
  await runPhase(phase, x, rng, {
    every: EVERY,
    report: async (step, losses) => {
      const parts = Object.entries(losses).map(([k, v]) => `${k} ${v.toPrecision(4)}`).join(' ');
      console.log(`  ${phase.id} ${step === 0 ? 'begin' : `step ${step}`}: ${await score(run, x, y)}${parts ? ` | ${parts}` : ''}`);
    },
  });
}

it('trace a method on MNIST-10k', async () => {
  const dataset = env.DATASET ?? 'mnist-10k';
  const ds = await loadDataset(dataset, nodeDataIO, 0);
  const x = tf.tensor2d(ds.x, [ds.n, ds.dim]);
  const y = ds.labels!;
  const method = findMethod(env.METHOD ?? 'dcn');
  if (!method) throw new Error(`no method ${env.METHOD}`);
  const { params, errors } = resolveParams(method, (env.BUDGET ?? 'quick') as Budget, JSON.parse(env.PARAMS ?? '{}'));
  if (errors.length) throw new Error(errors.join('; '));
  const seed = Number(env.SEED ?? 0);
  const rng = createRng(seed);
  const run = method.create({ x, n: ds.n, dim: ds.dim, k: 10, image: ds.image, rng: rng.fork(), params });
  const batchRng = rng.fork();
  console.log(`${method.id} ${dataset} seed ${seed} ${JSON.stringify(params)}`);
  const t0 = performance.now();
  for (const phase of run.phases) {
    if (phase.id === 'pretrain') {
      const file = path.join(env.CACHE ?? '', `ae-${dataset}-${params.arch}-${params.pretrainEpochs}-${params.batchSize}-${params.pretrainLr}-s${seed}.json`);
      await pretrain(phase, x, batchRng, file);
      console.log(`  pretrain done ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    } else {
      await traced(phase, x, batchRng, run, y);
    }
  }
  console.log(`  total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  run.dispose();
  x.dispose();
});

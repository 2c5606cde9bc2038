// DCSS on MNIST-10k (or a subset) with the WASM backend in Node: ACC / NMI / ARI after AE +
// k-means, after phase 1 (= DCSSu) and after MNet (= DCSS), time per phase, and the ACC at every
// check (centre refresh / epoch). Before MNet it prints the confident pairs of the u-space (share
// similar / dissimilar, their purity against the labels, mean max membership, cluster sizes); with
// TRACE, every MNet epoch adds the same for q and argmax q's agreement (Hungarian-matched) with
// argmax u before MNet. Labels only measure. Env: METHOD (a method id, default dcss), N (subset size), SEEDS
// (comma list), PARAMS (JSON overrides of the quick preset), TRACE (score at every check).
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { loadDataset } from '../../src/core/data/registry';
import { findMethod } from '../../src/core/methods';
import { resolveParams } from '../../src/core/methods/resolveParams';
import type { Method, MethodRun } from '../../src/core/methods/types';
import type { Dataset } from '../../src/core/data/dataset';
import { drive } from './drive';
import { acc, ari, nmi } from '../../src/core/metrics';
import { createRng, sampleIndices } from '../../src/core/rng';
import { nodeDataIO } from '../../src/core/testing/nodeDataIO';

const env = process.env;

/** Measurement only (labels used to score, never to train): the confident pairs of soft assignments
 * a (all rows) as MNet would see them over all pairs — share similar (> ζ) / dissimilar (< ζ_low) and
 * how often the similar pairs share a true label and the dissimilar ones do not. */
async function pairStats(a: tf.Tensor2D, y: Int32Array, zeta: number, zetaLow: number): Promise<string> {
  const n = Math.min(a.shape[0], 2000); // the first 2,000 rows (already a random sample) suffice
  const s = (await tf.tidy(() => {
    const head = tf.slice(a, [0, 0], [n, -1]);
    return tf.matMul(head, head, false, true);
  }).array()) as number[][];
  let sim = 0, simPure = 0, dis = 0, disPure = 0, total = 0;
  for (let i = 0; i < n; i++) {
    const row = s[i];
    for (let j = i + 1; j < n; j++) {
      total++;
      if (row[j] > zeta) { sim++; if (y[i] === y[j]) simPure++; }
      else if (row[j] < zetaLow) { dis++; if (y[i] !== y[j]) disPure++; }
    }
  }
  const conf = (await tf.tidy(() => tf.mean(tf.max(a, 1))).data())[0];
  const sizes = Array.from(await tf.tidy(() => tf.sum(tf.oneHot(tf.argMax(a, 1), a.shape[1]), 0)).data()).join(',');
  const pct = (v: number, d: number): string => (d ? ((100 * v) / d).toFixed(1) : '-') + '%';
  return `pairs of ${n}: similar ${pct(sim, total)} (same label ${pct(simPure, sim)}), dissimilar ${pct(dis, total)} (different label ${pct(disPure, dis)}), mean max ${conf.toFixed(3)}, sizes ${sizes}`;
}

/** Hard labels of all rows from the run's soft assignment (null before it has clusters). */
async function labelsOf(run: MethodRun, x: tf.Tensor2D): Promise<Int32Array | null> {
  const q = run.assign(x);
  if (!q) return null;
  const lab = tf.argMax(q, 1);
  q.dispose();
  const out = Int32Array.from((await lab.data()) as Int32Array);
  lab.dispose();
  return out;
}

it('DCSS on MNIST-10k', async () => {
  const base = findMethod(env.METHOD ?? 'dcss');
  if (!base) throw new Error(`no method ${env.METHOD}`);
  const ds = await loadDataset('mnist-10k', nodeDataIO, 0);
  const n = Math.min(Number(env.N ?? ds.n), ds.n);
  const rows = sampleIndices(ds.n, n, createRng(0));
  const xs = new Float32Array(n * ds.dim);
  rows.forEach((r, i) => xs.set(ds.x.subarray(r * ds.dim, (r + 1) * ds.dim), i * ds.dim));
  const dataset: Dataset = { ...ds, n, x: xs, labels: Int32Array.from(rows, (i) => ds.labels![i]) };
  const y = dataset.labels!;
  const x = tf.tensor2d(xs, [n, ds.dim]);
  const overrides = JSON.parse(env.PARAMS ?? '{}');
  const { params, errors } = resolveParams(base, 'quick', overrides);
  if (errors.length) throw new Error(errors.join('; '));
  for (const seed of (env.SEEDS ?? '0').split(',').map(Number)) {
    console.log(`${base.id} seed ${seed} n ${n} ${JSON.stringify(params)}`);
    const t0 = performance.now();
    // The method, instrumented: the diagnostics read the run the session created.
    const method: Method = {
      ...base,
      create: (ctx) => {
        const run = base.create(ctx);
        let before: Int32Array | null = null; // argmax of the soft assignments before MNet
        const score = async (): Promise<string> => {
          const labels = await labelsOf(run, x);
          return labels ? `ACC ${acc(y, labels).toFixed(3)} NMI ${nmi(y, labels).toFixed(3)} ARI ${ari(y, labels).toFixed(3)}` : 'no clusters yet';
        };
        const diag = async (): Promise<string> => {
          const a = run.assign(x);
          if (!a) return '';
          const labels = await labelsOf(run, x);
          const agree = before && labels ? ` agreement with phase 1 ${acc(before, labels).toFixed(3)};` : '';
          const stats = await pairStats(a, y, params.zeta as number, params.zetaLow as number);
          a.dispose();
          return `${agree} pairs: ${stats}`;
        };
        for (const phase of run.phases) {
          const check = phase.check;
          const begin = phase.begin;
          if (phase.id === 'mnet') {
            phase.begin = async () => {
              before = await labelsOf(run, x);
              const a = run.assign(x)!;
              console.log(`  before MNet, u-space pairs: ${await pairStats(a, y, params.zeta as number, params.zetaLow as number)}`);
              a.dispose();
              await begin?.();
            };
          }
          if (check && env.TRACE) {
            phase.check = async (step: number): Promise<boolean> => {
              const stop = await check(step);
              const extra = phase.id === 'mnet' && step > 0 ? `\n    ${await diag()}` : '';
              console.log(`  ${phase.id} step ${step}: ${await score()} at ${((performance.now() - t0) / 1000).toFixed(0)} s${extra}`);
              return stop;
            };
          }
        }
        return run;
      },
    };
    await drive({ dataset, method, seed, params: overrides, report: (line) => console.log(line) });
  }
  x.dispose();
});

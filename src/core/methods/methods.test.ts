// The contract every method in METHODS keeps (ClustPy-style), driven through the real engine
// (runSession): valid presets; shapes; finite losses; soft assignments that are distributions; the
// same seed gives the same assignments; no tensor leak, per step or per run; and it *learns* — on
// 2,000 real digits its ACC beats k-means on the same pixels. A method added to METHODS is covered
// automatically once it has a row in TINY and SMALL below.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset';
import { loadDataset } from '../data/registry';
import { createSharedStarts } from '../engine/sharedStarts';
import { datasetKey } from '../data/datasetKey';
import { blobsDataset, runToEnd, testConfig } from '../engine/testing/runToEnd';
import { createExternalKnowledge, createFeatureCache } from '../external/knowledge';
import { stripesDataset } from '../external/testing/stripes';
import type { Snapshot, TrainEvent } from '../engine/types';
import { createRng } from '../rng';
import { nodeDataIO } from '../testing/nodeDataIO';
import { findMethod, METHODS, MNET_BASES } from './index';
import { resolveParams } from './resolveParams';
import type { Method, MethodRun, Params } from './types';

/** Settings for the contract run on three blobs: every method in about a second. */
const TINY: Record<string, Params> = {
  dec: { arch: 'small', pretrainEpochs: 2, maxIter: 20, updateInterval: 5, kmeansInit: 2, batchSize: 64 },
  idec: { arch: 'small', pretrainEpochs: 2, maxIter: 20, updateInterval: 5, kmeansInit: 2, batchSize: 64 },
  dcn: { arch: 'small', pretrainEpochs: 2, clusterEpochs: 3, kmeansInit: 2, batchSize: 64 },
  dkm: { arch: 'small', pretrainEpochs: 2, alphaCount: 3, epochsPerAlpha: 1, kmeansInit: 2, batchSize: 64 },
  'ae-kmeans': { arch: 'small', pretrainEpochs: 2, kmeansInit: 2, batchSize: 64 },
  kmeans: { nInit: 2 },
  vade: { arch: 'small', pretrainEpochs: 2, vadeEpochs: 2, kmeansInit: 2, batchSize: 64 },
  deepcluster: { arch: 'small', pretrainEpochs: 2, dcEpochs: 2, batchSize: 64 },
  dcssu: { arch: 'small', pretrainEpochs: 2, kmeansInit: 2, batchSize: 64, phase1Epochs: 1, t1: 1 },
  dcss: { arch: 'small', pretrainEpochs: 2, kmeansInit: 2, batchSize: 64, phase1Epochs: 1, t1: 1, mnetEpochs: 20, t2: 15, mnetBatchSize: 32 },
  iic: { width: 32, layers: 1, subHeads: 2, overclustering: 2, repeats: 2, batchSize: 64, epochs: 6, lr: 3e-3 },
  cc: { width: 32, layers: 1, featureDim: 16, batchSize: 64, epochs: 6, lr: 3e-3 },
  imsat: { epochs: 3, hidden: 32, batchSize: 64 },
};
// SimCLR and SCAN: a small MLP backbone on noisy views of the blobs.
const TINY_CONTRASTIVE: Params = { width: 32, featureDim: 16, projectionDim: 8, pretextEpochs: 3, batchSize: 64 };
TINY.simclr = { ...TINY_CONTRASTIVE, kmeansInit: 2 };
TINY.scan = { ...TINY_CONTRASTIVE, neighbours: 5, heads: 2, scanEpochs: 2, selfLabelEpochs: 1 };
// External knowledge: the bundled MobileNetV2 at its small input, on coloured stripes (below).
TINY['backbone-kmeans'] = { inputSize: '96', nInit: 2 };
TINY['backbone-scan'] = { inputSize: '96', neighbours: 5, heads: 2, scanEpochs: 3, selfLabelEpochs: 1, batchSize: 64 };
const TINY_MNET: Params = { mnetEpochs: 20, t2: 15, mnetBatchSize: 32 };
for (const { id } of MNET_BASES) TINY[`${id}-mnet`] = { ...TINY[id], ...TINY_MNET };

/**
 * Settings for the learning run on 2,000 digits (≤ ~15 s each on one busy core), or 'reference'
 * for the baseline the others must beat. Shared pretraining: the small encoder, 14 epochs of Adam
 * at 3e-3 on batches of 64 (AE + k-means alone then already beats pixels, barely).
 */
const PRETRAIN: Params = { arch: 'small', pretrainEpochs: 14, pretrainLr: 3e-3, batchSize: 64, kmeansInit: 3 };
const SMALL: Record<string, Params | 'reference'> = {
  dec: { ...PRETRAIN, maxIter: 100, updateInterval: 50 },
  idec: { ...PRETRAIN, maxIter: 100, updateInterval: 50 },
  dcn: { ...PRETRAIN, clusterEpochs: 3 },
  dkm: { ...PRETRAIN, alphaSchedule: 'constant', alphaCount: 3, epochsPerAlpha: 1, lambda: 0.1 },
  'ae-kmeans': PRETRAIN,
  kmeans: 'reference',
  vade: { ...PRETRAIN, vadeEpochs: 3 },
  // DeepCluster runs its own k-means (no restarts parameter).
  deepcluster: { arch: 'small', pretrainEpochs: 14, pretrainLr: 3e-3, batchSize: 64, dcEpochs: 3 },
  // One phase-1 epoch is K = 10 ordinary epochs of autoencoder steps.
  dcssu: { ...PRETRAIN, phase1Epochs: 1, t1: 1 },
  // MNet is cheap; it needs a few hundred u-space steps to imitate phase 1 before its own pairs.
  dcss: { ...PRETRAIN, phase1Epochs: 1, t1: 1, mnetEpochs: 12, t2: 10, mnetBatchSize: 100 },
  // The augmentation methods train from scratch (no autoencoder): a narrow MLP, a few epochs.
  iic: { width: 256, layers: 2, subHeads: 2, overclustering: 5, repeats: 1, batchSize: 64, epochs: 20, lr: 2e-3 },
  cc: { width: 256, layers: 2, featureDim: 64, views: 'weak+weak', batchSize: 64, epochs: 20, lr: 2e-3 },
  // No pretraining: a narrow MLP (128 instead of 1,200) from scratch, 10 epochs of 20 steps.
  imsat: { epochs: 10, hidden: 128, batchSize: 100 },
};
// SimCLR and SCAN share one pretext: an MLP backbone learns slowly from augmented digits (a few
// hundred steps before its features beat pixels), so it takes more steps than the autoencoders.
const PRETEXT: Params = { width: 256, pretextEpochs: 16, batchSize: 128, pretextViews: 'weak' };
SMALL.simclr = { ...PRETEXT, kmeansInit: 3 };
SMALL.scan = { ...PRETEXT, scanEpochs: 3, selfLabelEpochs: 2 };
// External knowledge learns on coloured stripes, not digits (see EXTERNAL_DATA).
SMALL['backbone-kmeans'] = { inputSize: '96', nInit: 5 };
SMALL['backbone-scan'] = { inputSize: '96', scanEpochs: 30, selfLabelEpochs: 5 };
// X + MNet: the base's learning run, then the same MNet budget as DCSS's.
for (const { id } of MNET_BASES) SMALL[`${id}-mnet`] = { ...(SMALL[id] as Params), mnetEpochs: 12, t2: 10, mnetBatchSize: 100 };

/**
 * Methods the README lists as falling short of k-means on pixels at this budget, with the bar they
 * must clear instead (a stated ACC, well above chance 0.1 and a collapse's ~0.11). IIC on an MLP
 * learns slowly from scratch (README: 0.27–0.30 on these digits after 20 epochs); its paper uses a
 * convnet and ~2,000× the budget. SimCLR + k-means and SCAN on the MLP backbone reach 0.44 / 0.40
 * here after 250 pretext steps (their reference uses a convnet: 0.94 / 0.96 on MNIST-10k); on all
 * 10,000 digits they do beat pixels (README). CC ends level with pixels here (0.51–0.55 against
 * 0.52, depending on float rounding of the same run).
 */
const SHORT_OF_PIXELS: Record<string, number> = { iic: 0.2, simclr: 0.3, scan: 0.3, cc: 0.4 };

/**
 * External-knowledge methods read images through a pretrained backbone, so their contract and
 * learning runs use small colour images whose class is a pattern's orientation with random
 * colours and phase (external/testing/stripes.ts): k-means on pixels is near chance there
 * (ACC 0.39 on the learning set, chance 1/3), the backbone's are not (0.97 and 0.80). On digits the
 * backbone clusters worse than pixels (README), which is why digits are not their test.
 */
const EXTERNAL_DATA = { contract: stripesDataset(120, 32, 1), learn: stripesDataset(150, 32, 2) };
/** Feature views shared by every run of this file, as the worker shares them. */
const featureCache = createFeatureCache();

interface Outcome {
  events: TrainEvent[];
  final: Snapshot;
  /** Largest |Σ_k q_ik − 1| over every assign() call of the run. */
  rowSumError: number;
  /** Phases whose tensor count changed between steps (after each phase's first step). */
  growingPhases: string[];
}

/** Wraps `method` so that every soft assignment is checked to be a distribution, on the device. */
function watched(method: Method): { method: Method; rowSumError: () => Promise<number> } {
  // Made with the run, not at its first assign(): the per-step tensor count must not depend on
  // when the first snapshot happens to fall.
  let worst: tf.Scalar | null = null;
  let checked = false;
  const watch = (run: MethodRun): MethodRun => {
    worst ??= tf.keep(tf.scalar(0));
    return {
      ...run,
      assign: (x, rows) => {
        const q = run.assign(x, rows);
        if (q) {
          const next = tf.keep(tf.tidy(() => tf.maximum(worst!, tf.max(tf.abs(tf.sub(tf.sum(q, 1), 1)))) as tf.Scalar));
          worst!.dispose();
          worst = next;
          checked = true;
        }
        return q;
      },
    };
  };
  return {
    method: { ...method, create: (ctx) => watch(method.create(ctx)) },
    rowSumError: async () => {
      const w = worst as tf.Scalar | null;
      worst = null;
      if (!w) return NaN;
      const v = (await w.data())[0];
      w.dispose();
      return checked ? v : NaN;
    },
  };
}

/**
 * The learning runs share their pretrainings as the app's runs do (one per key: the same small
 * autoencoder, trained once on the 2,000 digits); the contract runs on blobs each train their own.
 */
const learningStarts = createSharedStarts();

async function runMethod(method: Method, data: Dataset, seed: number, params: Params, k: number, shared = false): Promise<Outcome> {
  const w = watched(method);
  const counts = new Map<string, number>();
  const growing = new Set<string>();
  // The data on the device for an external-knowledge method's backbone (freed after the run).
  const x = method.family === 'external' ? tf.tensor2d(data.x, [data.n, data.dim]) : undefined;
  const external =
    x && data.image
      ? createExternalKnowledge({ datasetKey: datasetKey(data), images: { x, n: data.n, ...data.image }, source: { kind: 'bundled' }, cache: featureCache })
      : undefined;
  const { end, events } = await runToEnd(
    data,
    w.method,
    testConfig({ method: method.id, seed, k, params, sampleSize: Math.min(500, data.n), snapshotEveryMs: 1e9 }),
    {
      // From its second step on (Adam makes its moments at the first), a phase holds a fixed number of tensors.
      onStep: (info) => {
        const n = tf.memory().numTensors;
        if (info.step === 2) counts.set(info.phase, n);
        else if (info.step > 2 && counts.get(info.phase) !== n) growing.add(info.phase);
      },
      sharedStarts: shared ? learningStarts : undefined,
      x,
      external,
    },
  ).finally(() => x?.dispose());
  const error = events.find((e) => e.type === 'error');
  expect(error, `${method.id}: ${error?.type === 'error' ? error.message : ''}`).toBeUndefined();
  expect(end).toBe('finished');
  const done = events.at(-1)!;
  if (done.type !== 'done' || !done.final) throw new Error(`${method.id}: no final snapshot`);
  return { events, final: done.final, rowSumError: await w.rowSumError(), growingPhases: [...growing] };
}

/** The first 2,000 digits of MNIST-10k, loaded once. */
let digits: Promise<Dataset> | null = null;
function mnist2000(): Promise<Dataset> {
  digits ??= loadDataset('mnist-10k', nodeDataIO, 0).then((d) => {
    const n = 2000;
    return { ...d, id: 'mnist-2000', n, x: d.x.slice(0, n * d.dim), labels: d.labels!.slice(0, n) };
  });
  return digits;
}

/** ACC of k-means on the pixels of the stripes the external-knowledge methods learn on, computed once. */
let stripesPixels: Promise<number> | null = null;
function kmeansStripesAcc(): Promise<number> {
  stripesPixels ??= runMethod(findMethod('kmeans')!, EXTERNAL_DATA.learn, 0, { nInit: 5 }, 3).then((out) => out.final.metrics!.acc);
  return stripesPixels;
}

/** ACC of k-means on the raw pixels of the same digits (the 'reference' row), computed once. */
let pixelAcc: Promise<number> | null = null;
function kmeansPixelAcc(): Promise<number> {
  pixelAcc ??= mnist2000().then(async (d) => {
    const ref = METHODS.find((m) => SMALL[m.id] === 'reference')!;
    const out = await runMethod(ref, d, 0, { nInit: 5 }, 10);
    return out.final.metrics!.acc;
  });
  return pixelAcc;
}

describe('methods', () => {
  it('lists unique ids, found by id, with a known family', () => {
    const ids = METHODS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['dec', 'idec', 'dcn', 'dkm', 'ae-kmeans', 'kmeans']) expect(findMethod(id)?.id).toBe(id);
    expect(findMethod('idec')?.family).toBe('pseudo-label');
    expect(findMethod('dcn')?.family).toBe('structure');
    expect(findMethod('nope')).toBeUndefined();
  });

  it('declares valid defaults and presets, each parameter with help, and a full method card', () => {
    for (const m of METHODS) {
      for (const budget of ['quick', 'paper'] as const) expect(resolveParams(m, budget, { ...m.presets?.[budget] }).errors).toEqual([]);
      const defaults = Object.fromEntries(m.params.map((p) => [p.key, p.default]));
      expect(resolveParams(m, 'paper', defaults).errors).toEqual([]);
      for (const p of m.params) expect(p.help.length, `${m.id}.${p.key}`).toBeGreaterThan(10);
      // A wrapped method (X + MNet) must not shadow a base parameter with its own.
      const keys = m.params.map((p) => p.key);
      expect(keys.length, `${m.id}: duplicate parameter keys`).toBe(new Set(keys).size);
      // The method card: a key equation, three steps, a failure mode.
      expect(m.card.equation.length, `${m.id} equation`).toBeGreaterThan(10);
      for (const step of m.card.steps) expect(step.length, `${m.id} step`).toBeGreaterThan(15);
      expect(m.card.failureMode.length, `${m.id} failure mode`).toBeGreaterThan(30);
    }
  });

  it('a shared first phase depends only on its key: equal keys, equal starting weights', async () => {
    // The shared start reuses one method's pretraining for another; that is only sound when every
    // method builds the shared network the same way from the same seed.
    const blobs = blobsDataset(64, 12, 3);
    const x = tf.tensor2d(blobs.x, [blobs.n, blobs.dim]);
    const byKey = new Map<string, { id: string; weights: Float32Array[] }>();
    let compared = 0;
    for (const method of METHODS) {
      const { params } = resolveParams(method, 'quick', {});
      const run = method.create({ x, n: blobs.n, dim: blobs.dim, k: 3, rng: createRng(5), params });
      const first = run.phases[0];
      if (first.shared) {
        const weights = await Promise.all(first.variables!().map(async (v) => Float32Array.from(await v.data())));
        const seen = byKey.get(first.shared);
        if (!seen) byKey.set(first.shared, { id: method.id, weights });
        else {
          compared++;
          expect(weights.length, `${method.id} vs ${seen.id}`).toBe(seen.weights.length);
          weights.forEach((w, i) => expect(Array.from(w), `${method.id} vs ${seen.id}, variable ${i}`).toEqual(Array.from(seen.weights[i])));
        }
        expect(first.begin, `${method.id}: a shared phase has no begin()`).toBeUndefined();
        expect(first.check, `${method.id}: a shared phase has no check()`).toBeUndefined();
      }
      run.dispose();
    }
    x.dispose();
    // Every autoencoder method shares the quick pretraining: many comparisons, not a vacuous pass.
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  // The CLIP methods need a model these runs do not have: their own tests run them through the
  // engine with the tiny CLIP model (clipMethods.test.ts). The bundled backbone's run here.
  it('leaves only the CLIP methods to their own tests', () => {
    const clip = METHODS.filter((m) => m.visionLanguage).map((m) => m.id);
    expect(clip.sort()).toEqual(['sic', 'tac']);
    for (const id of clip) expect(findMethod(id)?.family).toBe('external');
  });
  for (const method of METHODS.filter((m) => !m.visionLanguage)) {
    it(`${method.id}: contract (shapes, finite losses, distributions, same seed → same labels, no leak) and learns`, async () => {
      const tiny = TINY[method.id];
      const small = SMALL[method.id];
      expect(tiny, `add '${method.id}' to TINY in methods.test.ts`).toBeDefined();
      expect(small, `add '${method.id}' to SMALL in methods.test.ts`).toBeDefined();
      expect(resolveParams(method, 'quick', tiny).errors).toEqual([]);

      // Contract, on three separated blobs (coloured stripes for external knowledge).
      const external = method.family === 'external';
      const blobs = external ? EXTERNAL_DATA.contract : blobsDataset(240, 12, 3);
      const before = tf.memory().numTensors;
      const a = await runMethod(method, blobs, 1, tiny, 3);
      expect(tf.memory().numTensors, 'tensors left after the run').toBe(before);
      expect(a.growingPhases, 'phases whose tensor count grew per step').toEqual([]);
      const snaps = a.events.flatMap((e) => (e.type === 'snapshot' ? [e.snapshot] : []));
      for (const s of [...snaps, a.final]) for (const [name, v] of Object.entries(s.losses)) expect(Number.isFinite(v), name).toBe(true);
      const f = a.final;
      expect(f.assignment!.length).toBe(Math.min(500, blobs.n));
      expect(f.embedding.length).toBe(f.assignment!.length * f.embedDim);
      expect(f.embedding.every(Number.isFinite)).toBe(true);
      for (const c of f.confidence!) expect(c).toBeGreaterThanOrEqual(1 / 3 - 1e-4);
      expect(a.rowSumError).toBeLessThan(1e-4);
      expect(new Set(f.assignment).size, 'separated blobs: all three clusters found').toBe(3);
      const b = await runMethod(method, blobs, 1, tiny, 3);
      expect(Array.from(b.final.assignment!)).toEqual(Array.from(f.assignment!));

      // Learns, on 2,000 digits: beats k-means on the same pixels (on stripes for external knowledge).
      if (small === 'reference') return;
      if (external) {
        const reference = await kmeansStripesAcc();
        const m = (await runMethod(method, EXTERNAL_DATA.learn, 0, small, 3)).final.metrics!;
        console.log(`${method.id} on 150 stripes: ACC ${m.acc.toFixed(3)} NMI ${m.nmi.toFixed(3)} (k-means on pixels ${reference.toFixed(3)})`);
        expect(m.acc).toBeGreaterThan(reference + 0.3);
        return;
      }
      const digitsSet = await mnist2000();
      const reference = await kmeansPixelAcc();
      const t0 = performance.now();
      const learned = await runMethod(method, digitsSet, 0, small, 10, true);
      const m = learned.final.metrics!;
      console.log(
        `${method.id} on 2,000 digits: ACC ${m.acc.toFixed(3)} NMI ${m.nmi.toFixed(3)} ARI ${m.ari.toFixed(3)} ` +
          `(k-means on pixels ${reference.toFixed(3)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      expect(m.acc).toBeGreaterThan(SHORT_OF_PIXELS[method.id] ?? reference);
    }, 240_000);
  }
});

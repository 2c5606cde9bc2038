// SIC and TAC end to end through the real engine, on CLIP loaded for real from the tiny CLIP-like
// model (scripts/make-tiny-clip.py: a red image points along axis 0, green 1, blue 2, and so do
// the words "red", "green", "blue"). The data are noisy red, green and blue images whose pixels
// are built so that k-means on the raw pixels cannot separate them well: brightness varies a lot
// more than colour. With the class names, SIC must find the colours; TAC must do it from nouns.
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset';
import type { TrainEvent } from '../engine/types';
import { runSession } from '../engine/runSession';
import { testConfig } from '../engine/testing/runToEnd';
import { disposeClipModels } from '../external/clip';
import { createExternalKnowledge } from '../external/knowledge';
import type { AssetSource, ExternalKnowledge } from '../external/types';
import { acc } from '../metrics';
import { createRng } from '../rng';
import { tinyClipFiles } from '../testing/tinyClip';
import { sic } from './sic';
import { tac } from './tac';
import type { Method, Params } from './types';

const SIDE = 4;

/** n images of 3 colours; each image's brightness is random in [0.2, 1], its colour a tint. */
function colourData(n: number): Dataset {
  const rng = createRng(5);
  const dim = SIDE * SIDE * 3;
  const x = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels[i] = c;
    const brightness = 0.2 + 0.8 * rng.next();
    for (let p = 0; p < SIDE * SIDE; p++) {
      for (let ch = 0; ch < 3; ch++) x[(i * SIDE * SIDE + p) * 3 + ch] = brightness * (ch === c ? 0.7 : 0.45) + 0.05 * rng.next();
    }
  }
  return { id: 'colours', name: 'Colours', n, dim, x, labels, numClasses: 3, image: { width: SIDE, height: SIDE, channels: 3 } };
}

/** The app's ExternalKnowledge, with CLIP from the tiny model folder (a local source). */
function knowledge(data: Dataset, x: tf.Tensor2D, classNames: string[]): ExternalKnowledge {
  const source: AssetSource = { kind: 'local', files: tinyClipFiles() };
  return createExternalKnowledge({ datasetKey: data.id, images: { x, n: data.n, width: SIDE, height: SIDE, channels: 3 }, source, classNames });
}

async function run(method: Method, data: Dataset, params: Params, classNames: string[]) {
  const events: TrainEvent[] = [];
  const before = tf.memory().numTensors;
  const x = tf.tensor2d(data.x, [data.n, data.dim]);
  const end = await runSession({
    runId: 'clip',
    config: testConfig({ dataset: data.id, method: method.id, params, sampleSize: 30 }),
    dataset: data,
    method,
    emit: (e) => events.push(e),
    x,
    external: knowledge(data, x, classNames),
  });
  x.dispose();
  const leaked = tf.memory().numTensors - before;
  const done = events.find((e) => e.type === 'done');
  const error = events.find((e) => e.type === 'error');
  const ready = events.find((e) => e.type === 'ready');
  const sampleRows = ready?.type === 'ready' ? ready.sample.indices : null;
  return { end, done: done?.type === 'done' ? done : null, error: error?.type === 'error' ? error.message : null, leaked, sampleRows };
}

afterAll(async () => {
  await disposeClipModels();
});

describe('CLIP methods on the tiny CLIP model', () => {
  const data = colourData(90);
  const pixelAcc = async () => {
    const { kmeans } = await import('../cluster/kmeans');
    const x = tf.tensor2d(data.x, [data.n, data.dim]);
    const res = await kmeans(x, { k: 3, rng: createRng(1), nInit: 5 });
    res.centroids.dispose();
    x.dispose();
    return acc(data.labels!, res.labels);
  };

  it('the data are hard for k-means on pixels (brightness dominates colour)', async () => {
    expect(await pixelAcc()).toBeLessThan(0.8);
  });

  it('SIC: class names become text centres; each cluster is the colour its name says, without leaking tensors', async () => {
    // Names in another order than the colours' labels: cluster j must hold the colour of name j.
    const names = ['blue', 'red', 'green'];
    const r = await run(sic, data, { epochs: 20, batchSize: 30, neighbours: 5, lr: 0.03 }, names);
    expect(r.error).toBeNull();
    expect(r.done!.final!.metrics!.acc).toBeGreaterThan(0.95);
    const assignment = r.done!.final!.assignment!;
    const colourOf = ['red', 'green', 'blue'];
    const named = Array.from(r.sampleRows!).filter((row, i) => names[assignment[i]] === colourOf[data.labels![row]]).length;
    expect(named / r.sampleRows!.length).toBeGreaterThan(0.95);
    expect(r.leaked).toBe(0);
  });

  it('SIC without class names, or with the wrong number of them, says what to do', async () => {
    const none = await run(sic, data, { epochs: 1 }, []);
    expect(none.error).toMatch(/SIC needs class names: type the names/);
    const two = await run(sic, data, { epochs: 1 }, ['red', 'green']);
    expect(two.error).toMatch(/2 class names for k = 3 clusters/);
    expect(none.leaked).toBe(0);
  });

  it('TAC: text counterparts from class names sharpen k-means on the features', async () => {
    const r = await run(tac, data, { nInit: 3 }, ['red', 'green', 'blue']);
    expect(r.error).toBeNull();
    expect(r.done!.final!.metrics!.acc).toBeGreaterThan(0.95);
    expect(r.leaked).toBe(0);
  });

  it('TAC without class names falls back to the shipped nouns (which hold no colours: it still runs)', async () => {
    const r = await run(tac, data, { nInit: 3 }, []);
    expect(r.error).toBeNull();
    expect(r.done!.final!.assignment).toBeInstanceOf(Int32Array);
    expect(r.done!.final!.assignment!.length).toBe(30);
  });
});

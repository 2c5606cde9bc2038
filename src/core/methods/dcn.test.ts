// DCN's cluster update on the device equals the paper's per-sample rules (Eq. 7 and 8) run in JS.
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { createRng } from '../rng';
import { dcnClusterUpdate } from './dcn';

it('dcnClusterUpdate: nearest centroid (Eq. 7), then per-sample running means with counts (Eq. 8)', async () => {
  const rng = createRng(3);
  const b = 40;
  const e = 4;
  const k = 3;
  const z = Array.from({ length: b * e }, () => 3 * rng.normal());
  const m = Array.from({ length: k * e }, () => 2 * rng.normal());
  const c = [100, 5, 1];

  // The paper's loop, sample by sample.
  const mRef = m.slice();
  const cRef = c.slice();
  const dist = (i: number, j: number, cent: number[]): number => {
    let d = 0;
    for (let t = 0; t < e; t++) d += (z[i * e + t] - cent[j * e + t]) ** 2;
    return d;
  };
  const sRef: number[] = [];
  for (let i = 0; i < b; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (dist(i, j, m) < dist(i, best, m)) best = j; // assignments against the batch's M
    sRef.push(best);
  }
  for (let i = 0; i < b; i++) {
    const j = sRef[i];
    cRef[j] += 1;
    for (let t = 0; t < e; t++) mRef[j * e + t] -= (1 / cRef[j]) * (mRef[j * e + t] - z[i * e + t]);
  }

  const out = tf.tidy(() => dcnClusterUpdate(tf.tensor2d(z, [b, e]), tf.tensor2d(m, [k, e]), tf.tensor1d(c)));
  const [s, mNew, cNew] = await Promise.all([tf.argMax(out.assignments, 1).data(), out.centroids.data(), out.counts.data()]);
  tf.dispose([out.assignments, out.centroids, out.counts]);
  expect(Array.from(s)).toEqual(sRef);
  expect(Array.from(cNew)).toEqual(cRef);
  mRef.forEach((v, i) => expect(mNew[i]).toBeCloseTo(v, 4));
});

// VAT's perturbation must have the asked norm per row, change a network's prediction more than a
// random perturbation of the same norm, and be a constant for the outer gradient (the gradient of
// the VAT loss equals that of KL to a fixed target at a fixed r_adv), without leaking tensors.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createMlpEncoder } from '../nn/mlpEncoder';
import { createRng } from '../rng';
import { adversarialPerturbation, constant, klFromLogits, normaliseRows, vatLoss } from './vat';

const N = 64;
const D = 20;
/** A fixed random network (no batch norm, so every pass sees the same function) and its inputs. */
function setting() {
  const net = createMlpEncoder([D, 32, 32, 5], createRng(1), { batchNorm: false });
  const x = tf.randomNormal([N, D], 0, 1, 'float32', 2) as tf.Tensor2D;
  const logitsOf = (z: tf.Tensor2D) => net.apply(z, true);
  return { net, x, logitsOf };
}

/** KL(p(y|x) ‖ p(y|x + r)) per row. */
function klRows(logitsOf: (z: tf.Tensor2D) => tf.Tensor2D, x: tf.Tensor2D, r: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const logP = tf.logSoftmax(logitsOf(x));
    const logQ = tf.logSoftmax(logitsOf(tf.add(x, r) as tf.Tensor2D));
    return tf.sum(tf.mul(tf.exp(logP), tf.sub(logP, logQ)), 1) as tf.Tensor1D;
  });
}

describe('VAT', () => {
  it('r_adv has the given per-row norm and raises the KL more than a random perturbation of that norm', async () => {
    const { net, x, logitsOf } = setting();
    const radius = tf.linspace(0.2, 0.6, N) as tf.Tensor1D;
    const rAdv = tf.tidy(() => adversarialPerturbation(logitsOf, x, logitsOf(x), radius, createRng(3), { xi: 0.1, powerIterations: 1 }));
    const norms = await tf.norm(rAdv, 'euclidean', 1).data();
    const want = await radius.data();
    norms.forEach((v, i) => expect(v).toBeCloseTo(want[i], 4));

    const rRandom = tf.tidy(() => tf.mul(normaliseRows(tf.randomNormal([N, D], 0, 1, 'float32', 9) as tf.Tensor2D), tf.expandDims(radius, 1)) as tf.Tensor2D);
    const adv = Array.from(await klRows(logitsOf, x, rAdv).data());
    const rnd = Array.from(await klRows(logitsOf, x, rRandom).data());
    const meanAdv = adv.reduce((a, b) => a + b, 0) / N;
    const meanRnd = rnd.reduce((a, b) => a + b, 0) / N;
    const wins = adv.filter((v, i) => v > rnd[i]).length;
    console.log(`VAT: mean KL adversarial ${meanAdv.toExponential(3)}, random ${meanRnd.toExponential(3)}, adversarial larger on ${wins}/${N} rows`);
    expect(meanAdv).toBeGreaterThan(2 * meanRnd);
    expect(wins).toBeGreaterThan(0.9 * N);
    tf.dispose([x, radius, rAdv, rRandom]);
    net.dispose();
  });

  it('is a constant for the outer gradient, and leaves no tensor behind', async () => {
    const { net, x, logitsOf } = setting();
    const options = { xi: 10, powerIterations: 1 };
    const before = tf.memory().numTensors;
    const grads = (f: () => tf.Scalar) => {
      const { value, grads: g } = tf.variableGrads(f, net.variables());
      return { value, list: net.variables().map((v) => g[v.name]) };
    };
    // The VAT loss as a training step computes it: inner tf.grad, then the outer gradient.
    const viaVat = grads(() => vatLoss(logitsOf, x, logitsOf(x), 0.5, createRng(7), options));
    // The same loss with r_adv and the clean prediction computed beforehand, as plain constants.
    const rFixed = tf.tidy(() => adversarialPerturbation(logitsOf, x, logitsOf(x), 0.5, createRng(7), options));
    const target = tf.tidy(() => logitsOf(x));
    const viaFixed = grads(() => klFromLogits(target, logitsOf(tf.add(x, rFixed) as tf.Tensor2D)));
    expect((await viaVat.value.data())[0]).toBeCloseTo((await viaFixed.value.data())[0], 5);
    let largest = 0;
    for (let i = 0; i < viaVat.list.length; i++) {
      const a = await viaVat.list[i].data();
      const b = await viaFixed.list[i].data();
      a.forEach((v, j) => expect(v, `variable ${i}[${j}]`).toBeCloseTo(b[j], 4));
      largest = Math.max(largest, ...Array.from(b, Math.abs));
    }
    expect(largest, 'a non-vacuous gradient').toBeGreaterThan(1e-4);
    tf.dispose([viaVat.value, ...viaVat.list, viaFixed.value, ...viaFixed.list, rFixed, target]);
    expect(tf.memory().numTensors).toBe(before);
    // constant() passes the value through unchanged.
    const c = tf.tidy(() => constant(x));
    expect(Array.from(await c.data())).toEqual(Array.from(await x.data()));
    tf.dispose([c, x]);
    net.dispose();
  });
});

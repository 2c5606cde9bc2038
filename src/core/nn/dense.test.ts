import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { createDense } from './dense';

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const m = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const [v] = await m.data();
  m.dispose();
  return v;
}

describe('dense layer', () => {
  it('works under tf.variableGrads (what the engine calls)', async () => {
    const layer = createDense(4, 3, createRng(1));
    const x = tf.randomUniform([5, 4], -1, 1, 'float32', 2) as tf.Tensor2D;
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(layer.apply(x))) as tf.Scalar, layer.variables());
    const ref = tf.grads((w: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.add(tf.matMul(x, w as tf.Tensor2D), b))))([
      layer.kernel,
      layer.bias,
    ]);
    expect(await maxAbsDiff(grads[layer.kernel.name], ref[0])).toBeLessThan(1e-4);
    expect(await maxAbsDiff(grads[layer.bias.name], ref[1])).toBeLessThan(1e-4);
    tf.dispose([x, value, ...Object.values(grads), ...ref]);
    layer.dispose();
  });

  it('initialises Glorot-uniform from the seed, bias zero', async () => {
    const a = createDense(100, 50, createRng(9));
    const b = createDense(100, 50, createRng(9));
    const c = createDense(100, 50, createRng(10));
    const limit = Math.sqrt(6 / (100 + 50));
    const flat = Array.from(await a.kernel.data());
    expect(Math.max(...flat.map(Math.abs))).toBeLessThanOrEqual(limit);
    // Uniform on [-limit, limit] has standard deviation limit / √3.
    const sd = Math.sqrt(flat.reduce((s, v) => s + v * v, 0) / flat.length);
    expect(sd).toBeGreaterThan(0.9 * (limit / Math.sqrt(3)));
    expect(sd).toBeLessThan(1.1 * (limit / Math.sqrt(3)));
    expect(await maxAbsDiff(a.kernel, b.kernel)).toBe(0);
    expect(await maxAbsDiff(a.kernel, c.kernel)).toBeGreaterThan(0);
    expect(Array.from(await a.bias.data()).every((v) => v === 0)).toBe(true);
    [a, b, c].forEach((l) => l.dispose());
  });
});

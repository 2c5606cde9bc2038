import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import '../testing/tfSetup';
import { CONV_ROUTES, convFunction, createPatchKernels, convRouteFor, type ConvRoute } from './conv';

/** Output, dx and dw of Σ r ⊙ conv(x, w) on the active backend. */
async function convAndGrads(xv: Float32Array, wv: Float32Array, rv: Float32Array, xs: number[], ws: number[], conv: (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D) {
  const x = tf.tensor4d(xv, xs as [number, number, number, number]);
  const w = tf.tensor4d(wv, ws as [number, number, number, number]);
  const r = tf.tensor(rv, [xs[0], xs[1], xs[2], ws[3]]);
  const y = tf.tidy(() => conv(x, w));
  const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a as tf.Tensor4D, b as tf.Tensor4D), r)))([x, w]);
  const out = { y: await y.data(), dx: await dx.data(), dw: await dw.data() };
  tf.dispose([x, w, r, y, dx, dw]);
  return out;
}

function expectClose(actual: Float32Array | Int32Array | Uint8Array, expected: Float32Array | Int32Array | Uint8Array): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(1e-4);
}

describe('3×3 same convolution routes', () => {
  const kernels = createPatchKernels();
  afterAll(() => kernels.dispose());

  // Odd, non-square maps and several input widths, so a wrong patch order or padding shows.
  for (const [b, h, w, cin, cout] of [
    [2, 5, 6, 3, 4],
    [3, 7, 4, 1, 5],
  ]) {
    it(`equal tf.conv2d's output and gradients (on the CPU backend) for ${b}×${h}×${w}×${cin} → ${cout}`, async () => {
      let seed = 7;
      const rand = (n: number) => Float32Array.from({ length: n }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1);
      const xs = [b, h, w, cin];
      const ws = [3, 3, cin, cout];
      const xv = rand(b * h * w * cin);
      const wv = rand(9 * cin * cout);
      const rv = rand(b * h * w * cout);

      await tf.setBackend('cpu');
      const reference = await convAndGrads(xv, wv, rv, xs, ws, (x, k) => tf.conv2d(x, k, 1, 'same'));
      await tf.setBackend('wasm');

      // 'conv2d' cannot train on WASM (no Conv2DBackpropFilter): that is why the others exist.
      const onWasm: ConvRoute[] = CONV_ROUTES.filter((r) => r !== 'conv2d');
      for (const route of onWasm) {
        const got = await convAndGrads(xv, wv, rv, xs, ws, convFunction(route, kernels));
        expectClose(got.y, reference.y);
        expectClose(got.dx, reference.dx);
        expectClose(got.dw, reference.dw);
      }
    });
  }

  it('picks a route that trains on WASM, and plain conv2d elsewhere', () => {
    expect(convRouteFor('wasm')).not.toBe('conv2d');
    expect(convRouteFor('webgl')).toBe('conv2d');
    expect(convRouteFor('some-new-backend')).toBe('conv2d');
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import '../testing/tfSetup';
import { createRng } from '../rng';
import { createBackbone, widthLayersBackbone } from './backbone';

describe('backbone', () => {
  it("gives features of the asked width from either kind, and leaks nothing", async () => {
    const before = tf.memory().numTensors;
    const x = tf.randomUniform([6, 64], 0, 1, 'float32', 2) as tf.Tensor2D;
    for (const kind of ['mlp', 'cnn'] as const) {
      const net = createBackbone(64, { width: 8, height: 8, channels: 1 }, { kind, hidden: [16], dim: 12 }, createRng(1));
      const h = tf.tidy(() => net.apply(x, true));
      expect(h.shape).toEqual([6, 12]);
      // Features pass through ReLU: never negative.
      expect(Math.min(...(await h.data()))).toBeGreaterThanOrEqual(0);
      expect(net.statistics().length).toBeGreaterThan(0);
      h.dispose();
      net.dispose();
    }
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("says what to do when a convnet is asked for vector rows", () => {
    expect(() => createBackbone(5, undefined, { kind: 'cnn', hidden: [], dim: 4 }, createRng(1))).toThrow(/needs image data.*choose encoder 'mlp'/);
  });

  it("builds IIC's and CC's `layers` layers of `width`", () => {
    const net = widthLayersBackbone(10, undefined, { encoder: 'mlp', width: 7, layers: 3 }, createRng(1));
    expect(net.outDim).toBe(7);
    expect(net.variables().length).toBe(3 * 2 + 3 * 2); // 3 dense (W, b) + 3 batch norms (γ, β)
    net.dispose();
  });
});

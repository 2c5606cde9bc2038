import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import '../testing/tfSetup';
import { createRng } from '../rng';
import { convRouteFor } from './conv';
import { createConvEncoder, DEFAULT_CONV_ENCODER } from './convEncoder';

describe('convolutional encoder', () => {
  it('maps 28×28×1 digits and 32×32×3 photos to dim features, pooling as the reference', async () => {
    for (const [image, sides] of [
      [{ width: 28, height: 28, channels: 1 as const }, [14, 7, 3]],
      [{ width: 32, height: 32, channels: 3 as const }, [16, 8, 4]],
      // Small images stop pooling at a side of 2.
      [{ width: 8, height: 8, channels: 1 as const }, [4, 2, 2]],
    ] as const) {
      const enc = createConvEncoder(image, DEFAULT_CONV_ENCODER, createRng(1));
      expect(enc.sides.map((s) => s.height)).toEqual(sides);
      const x = tf.randomUniform([5, image.width * image.height * image.channels], 0, 1, 'float32', 2) as tf.Tensor2D;
      const train = tf.tidy(() => enc.apply(x, true));
      const infer = tf.tidy(() => enc.apply(x));
      expect(train.shape).toEqual([5, 128]);
      expect(infer.shape).toEqual([5, 128]);
      expect(enc.outDim).toBe(128);
      // 3 kernels, 3 BN (γ, β), the dense kernel, its BN; 4 running statistics pairs.
      expect(enc.variables()).toHaveLength(3 + 6 + 1 + 2);
      expect(enc.statistics()).toHaveLength(8);
      expect((await tf.min(train).data())[0]).toBeGreaterThanOrEqual(0);
      tf.dispose([x, train, infer]);
      enc.dispose();
    }
  });

  it('trains on WASM with the route picked for it: the loss falls, the running statistics move, no tensor leaks', async () => {
    expect(tf.getBackend()).toBe('wasm');
    const image = { width: 12, height: 12, channels: 1 as const };
    const enc = createConvEncoder(image, { widths: [8, 16], dim: 16 }, createRng(3));
    expect(enc.route).toBe(convRouteFor('wasm'));
    const x = tf.randomUniform([32, 144], 0, 1, 'float32', 4) as tf.Tensor2D;
    const target = tf.randomUniform([32, 16], 0, 1, 'float32', 5);
    const optimizer = tf.train.adam(1e-2);
    const statsBefore = await enc.statistics()[0].data();
    const step = async (): Promise<number> => {
      const value = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(tf.sub(enc.apply(x, true), target))) as tf.Scalar, enc.variables());
        optimizer.applyGradients(grads as Parameters<typeof optimizer.applyGradients>[0]);
        return value;
      });
      const loss = (await value.data())[0];
      value.dispose();
      return loss;
    };
    const losses = [await step(), await step()];
    const tensorsAfterTwo = tf.memory().numTensors;
    for (let i = 0; i < 8; i++) losses.push(await step());
    expect(tf.memory().numTensors).toBe(tensorsAfterTwo);
    expect(losses[losses.length - 1]).toBeLessThan(0.8 * losses[0]);
    expect(Array.from(await enc.statistics()[0].data())).not.toEqual(Array.from(statsBefore));
    tf.dispose([x, target]);
    optimizer.dispose();
    enc.dispose();
  });
});

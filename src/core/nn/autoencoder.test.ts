import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { createAutoencoder, mapRows } from './autoencoder';

describe('autoencoder', () => {
  it('mirrors the encoder and has the right shapes', async () => {
    const ae = createAutoencoder([12, 8, 3], createRng(0));
    expect(ae.encoder.dims).toEqual([12, 8, 3]);
    expect(ae.decoder.dims).toEqual([3, 8, 12]);
    expect(ae.variables()).toHaveLength(8);
    const x = tf.randomUniform([5, 12], 0, 1, 'float32', 1) as tf.Tensor2D;
    const z = ae.encode(x);
    expect(z.shape).toEqual([5, 3]);
    expect(ae.decode(z).shape).toEqual([5, 12]);
    tf.dispose([x, z]);
    ae.dispose();
  });

  it('learns to reconstruct low-rank data (loss drops by 5×) without leaking tensors', async () => {
    const rng = createRng(4);
    const ae = createAutoencoder([16, 32, 4], rng);
    // Rank-3 data: an autoencoder with a 4-d bottleneck can reconstruct it almost exactly.
    const x = tf.tidy(() => tf.matMul(tf.randomNormal([256, 3], 0, 1, 'float32', 5), tf.randomNormal([3, 16], 0, 1, 'float32', 6))) as tf.Tensor2D;
    const opt = tf.train.adam(1e-2);
    const loss = async (): Promise<number> => {
      const l = tf.tidy(() => ae.reconstructionLoss(x));
      const [v] = await l.data();
      l.dispose();
      return v;
    };
    const before = await loss();
    const tensorsBefore = tf.memory().numTensors;
    for (let i = 0; i < 300; i++) {
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => ae.reconstructionLoss(x), ae.variables());
        opt.applyGradients(grads as tf.NamedTensorMap as Parameters<typeof opt.applyGradients>[0]);
        value.dispose();
      });
    }
    const after = await loss();
    expect(after).toBeLessThan(before / 5);
    // Adam's slots are created on the first step; nothing else may stay behind.
    expect(tf.memory().numTensors - tensorsBefore).toBe(2 * ae.variables().length);
    opt.dispose();
    x.dispose();
    ae.dispose();
  });

  it('mapRows in chunks equals one pass', async () => {
    const ae = createAutoencoder([6, 5, 2], createRng(2));
    const x = tf.randomUniform([23, 6], 0, 1, 'float32', 3) as tf.Tensor2D;
    const a = mapRows(x, ae.encode, 5);
    const b = ae.encode(x);
    const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
    expect((await d.data())[0]).toBeLessThan(1e-6);
    d.dispose();
    tf.dispose([x, a, b]);
    ae.dispose();
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadMobileNetTrunk, mobileNetV2Extractor } from './mobilenet';
import type { ImageRows } from './types';

const bundled = { kind: 'bundled' } as const;

/** The nsfwjs model as it ships, whole (trunk + its NSFW head), loaded the way nsfwjs loads it. */
async function wholeNsfwModel(): Promise<tf.LayersModel> {
  const { MobileNetV2Model } = await import('nsfwjs/models/mobilenet_v2');
  const json = (await MobileNetV2Model.modelJson()).default;
  const shard = (await MobileNetV2Model.weightBundles[0]()).default as string;
  const bytes = Uint8Array.from(atob(shard), (c) => c.charCodeAt(0));
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: bytes.buffer }),
  );
}

describe('the bundled MobileNetV2 feature extractor', () => {
  it('at 224 px gives exactly the 1,280-d pooled features the nsfwjs head reads (not its class scores)', async () => {
    const whole = await wholeNsfwModel();
    const pooled = tf.model({ inputs: whole.inputs, outputs: whole.getLayer('flatten_1').output as tf.SymbolicTensor });
    const trunk = await loadMobileNetTrunk(224);
    const before = tf.memory().numTensors;
    const img = tf.randomUniform([2, 224, 224, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
    const expected = pooled.predict(img) as tf.Tensor2D;
    const maps = trunk.predict(img) as tf.Tensor4D;
    const ours = tf.mean(maps, [1, 2]);
    expect(expected.shape).toEqual([2, 1280]);
    const diff = (await tf.max(tf.abs(tf.sub(ours, expected))).data())[0];
    expect(diff).toBeLessThan(1e-4);
    // Not a constant: two images give different features.
    const spread = (await tf.max(tf.abs(tf.sub(tf.slice(ours, [0, 0], [1, -1]), tf.slice(ours, [1, 0], [1, -1])))).data())[0];
    expect(spread).toBeGreaterThan(1e-3);
    tf.dispose([img, expected, maps, ours]);
    whole.dispose();
    trunk.dispose();
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
  }, 120_000);

  it('extracts grey and colour images in batches with progress, deterministically, and leaks no tensor', async () => {
    const e = mobileNetV2Extractor(96);
    expect(e.dim).toBe(1280);
    expect(e.provenance).toMatch(/ImageNet/);
    expect(e.provenance).toMatch(/fine-tuned/);
    const grey: ImageRows = { x: tf.randomUniform([40, 28 * 28], 0, 1, 'float32', 3) as tf.Tensor2D, n: 40, width: 28, height: 28, channels: 1 };
    const before = tf.memory().numTensors;
    const reports: [number, number][] = [];
    const a = await e.extract(grey, (done, total) => reports.push([done, total]), bundled);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.length).toBe(40 * 1280);
    expect(a.every(Number.isFinite)).toBe(true);
    // Batches of 32: 32 then 40 of 40, after the loading report.
    expect(reports.filter(([d]) => d > 0)).toEqual([
      [32, 40],
      [40, 40],
    ]);
    const b = await e.extract(grey, () => undefined, bundled);
    expect(Array.from(b.slice(0, 50))).toEqual(Array.from(a.slice(0, 50)));
    // A grey image and the same image as three equal channels give the same features.
    const rgb: ImageRows = { x: tf.tidy(() => tf.reshape(tf.tile(tf.reshape(grey.x, [40, 28 * 28, 1]), [1, 1, 3]), [40, 28 * 28 * 3])) as tf.Tensor2D, n: 40, width: 28, height: 28, channels: 3 };
    const c = await e.extract(rgb, () => undefined, bundled);
    let worst = 0;
    for (let i = 0; i < c.length; i++) worst = Math.max(worst, Math.abs(c[i] - a[i]));
    expect(worst).toBeLessThan(1e-4);
    grey.x.dispose();
    rgb.x.dispose();
  }, 120_000);
});

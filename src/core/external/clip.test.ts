// CLIP through transformers.js, loaded for real from the tiny CLIP-like model folder that
// scripts/make-tiny-clip.py writes (tests cannot download the real one). Its vision tower points
// a red image along axis 0, green along 1, blue along 2; its text tower points "red", "green",
// "blue" along the same axes — so the text-guided path has a right answer to get wrong.
import * as tf from '@tensorflow/tfjs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyClipFiles } from '../testing/tinyClip';
import { CLIP_HUB_MODEL, clipVitB32, disposeClipModels } from './clip';
import { CLIP_NOT_BUNDLED } from './clipErrors';
import { textPseudoLabels } from './textGuidance';
import type { AssetSource, ImageRows } from './types';

const SIDE = 4;
const COLOURS: [number, number, number][] = [
  [0.9, 0.1, 0.1],
  [0.1, 0.8, 0.2],
  [0.1, 0.2, 0.9],
];

/** 3 noisy images of each colour, in the order red, green, blue, red, … */
function colourImages(): { rows: Float32Array; truth: number[] } {
  const n = 9;
  const rows = new Float32Array(n * SIDE * SIDE * 3);
  const truth: number[] = [];
  let seed = 7;
  const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2;
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    truth.push(c);
    for (let p = 0; p < SIDE * SIDE; p++) for (let ch = 0; ch < 3; ch++) rows[(i * SIDE * SIDE + p) * 3 + ch] = Math.min(1, Math.max(0, COLOURS[c][ch] + noise()));
  }
  return { rows, truth };
}

const noProgress = () => {};

afterAll(async () => {
  await disposeClipModels();
});

describe('CLIP from a local model folder (tiny model)', () => {
  const local: AssetSource = { kind: 'local', files: tinyClipFiles('tiny-clip/') };

  it('embeds images as unit rows along their colour axis, batched, with progress, without leaking tensors', async () => {
    const { rows } = colourImages();
    const x = tf.tensor2d(rows, [9, SIDE * SIDE * 3]);
    const images: ImageRows = { x, n: 9, width: SIDE, height: SIDE, channels: 3 };
    const reports: [number, number][] = [];
    const before = tf.memory().numTensors;
    const features = await clipVitB32.extract(images, (done, total) => reports.push([done, total]), local);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    expect(clipVitB32.dim).toBe(8);
    expect(features.length).toBe(9 * 8);
    for (let i = 0; i < 9; i++) {
      const row = features.slice(i * 8, i * 8 + 8);
      expect(Math.hypot(...row)).toBeCloseTo(1, 4);
      // Largest coordinate on the image's own colour axis; axes 3–7 unused by the vision tower.
      expect(row.indexOf(Math.max(...row))).toBe(i % 3);
      expect(Math.max(...row.slice(3).map(Math.abs))).toBeLessThan(1e-6);
    }
    expect(reports.at(-1)).toEqual([9, 9]);
  });

  it('embeds class names in the same space and picks the right images by the nearest text centre', async () => {
    const encoder = await clipVitB32.textEncoder!(noProgress, local);
    const names = ['a photo of a red.', 'a photo of a green.', 'a photo of a blue.'];
    const texts = await encoder.embed(names);
    expect(texts.length).toBe(3 * 8);
    for (let j = 0; j < 3; j++) {
      const row = texts.slice(j * 8, j * 8 + 8);
      expect(row[j]).toBeCloseTo(1, 5);
      expect(Math.hypot(...row)).toBeCloseTo(1, 5);
    }
    // Class names in another order: the labels follow the names, not their positions.
    const shuffled = await encoder.embed(['blue', 'red', 'green']);
    const { rows, truth } = colourImages();
    const x = tf.tensor2d(rows, [9, SIDE * SIDE * 3]);
    const features = await clipVitB32.extract({ x, n: 9, width: SIDE, height: SIDE, channels: 3 }, noProgress, local);
    x.dispose();
    const { labels } = textPseudoLabels(features, shuffled, 8, 0.01);
    expect([...labels]).toEqual(truth.map((c) => [1, 2, 0][c]));
  });

  it('repeats grey images to three channels: the same features as the RGB image with equal channels', async () => {
    const grey = tf.randomUniform([2, SIDE * SIDE], 0, 1, 'float32', 3) as tf.Tensor2D;
    const rgb = tf.tidy(() => tf.reshape(tf.tile(tf.reshape(grey, [2, SIDE * SIDE, 1]), [1, 1, 3]), [2, SIDE * SIDE * 3])) as tf.Tensor2D;
    const fromGrey = await clipVitB32.extract({ x: grey, n: 2, width: SIDE, height: SIDE, channels: 1 }, noProgress, local);
    const fromRgb = await clipVitB32.extract({ x: rgb, n: 2, width: SIDE, height: SIDE, channels: 3 }, noProgress, local);
    tf.dispose([grey, rgb]);
    expect(fromGrey.length).toBe(16);
    expect(Array.from(fromGrey)).toEqual(Array.from(fromRgb));
  });

  it('a run on another source meanwhile does not pull the models from under a running one', async () => {
    const other: AssetSource = { kind: 'local', files: tinyClipFiles() };
    const { rows } = colourImages();
    const x = tf.tensor2d(rows, [9, SIDE * SIDE * 3]);
    const [features, texts] = await Promise.all([
      clipVitB32.extract({ x, n: 9, width: SIDE, height: SIDE, channels: 3 }, noProgress, local),
      clipVitB32.textEncoder!(noProgress, other).then((e) => e.embed(['red'])),
    ]);
    x.dispose();
    expect(features.length).toBe(72);
    expect(texts[0]).toBeCloseTo(1, 5);
    // And the first source loads again afterwards.
    const again = await (await clipVitB32.textEncoder!(noProgress, local)).embed(['blue']);
    expect(again[2]).toBeCloseTo(1, 5);
  });

  it('says which files a folder lacks', async () => {
    const files = tinyClipFiles();
    files.delete('onnx/vision_model.onnx');
    files.delete('tokenizer.json');
    const x = tf.zeros([1, SIDE * SIDE * 3]) as tf.Tensor2D;
    await expect(clipVitB32.extract({ x, n: 1, width: SIDE, height: SIDE, channels: 3 }, noProgress, { kind: 'local', files })).rejects.toThrow(/not a CLIP model: it lacks tokenizer\.json, onnx\/vision_model\.onnx/);
    x.dispose();
  });
});

describe('CLIP when it cannot be had', () => {
  const x = () => tf.zeros([1, SIDE * SIDE * 3]) as tf.Tensor2D;

  it('is not bundled: without consent or a folder, a message says what to do', async () => {
    const rows = x();
    await expect(clipVitB32.extract({ x: rows, n: 1, width: SIDE, height: SIDE, channels: 3 }, noProgress, { kind: 'bundled' })).rejects.toThrow(CLIP_NOT_BUNDLED);
    await expect(clipVitB32.textEncoder!(noProgress, { kind: 'bundled' })).rejects.toThrow(/allow downloading it, or choose a local model folder/);
    rows.dispose();
  });

  it('with consent but no network: the message says the download failed and what to do', async () => {
    // Port 9 on the loopback: nothing listens, the connection is refused at once.
    const remote: AssetSource = { kind: 'remote', baseUrl: 'http://127.0.0.1:9/' };
    await expect(clipVitB32.textEncoder!(noProgress, remote)).rejects.toThrow(/Could not download CLIP: .*Check the connection and try again, or choose a local model folder/);
  });
});

describe('CLIP downloaded with consent (a hub on the loopback serving the tiny model)', () => {
  it('fetches the 8-bit files under the hub’s paths, reports the download, and embeds', async () => {
    const files = tinyClipFiles();
    const asked: string[] = [];
    const prefix = `/${CLIP_HUB_MODEL}/resolve/main/`;
    const server: Server = createServer(async (req, res) => {
      const url = decodeURIComponent(req.url ?? '');
      asked.push(url);
      // The hub's 8-bit file names, answered with the tiny model's (full-precision) files.
      const path = url.startsWith(prefix) ? url.slice(prefix.length).replace('_quantized.onnx', '.onnx') : '';
      const blob = files.get(path);
      if (!blob) {
        res.writeHead(404).end();
        return;
      }
      const body = Buffer.from(await blob.arrayBuffer());
      res.writeHead(200, { 'content-length': String(body.length) }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const remote: AssetSource = { kind: 'remote', baseUrl: `http://127.0.0.1:${port}/` };
      const reports: string[] = [];
      const encoder = await clipVitB32.textEncoder!((done, total, label) => reports.push(`${label} ${done}/${total}`), remote);
      const texts = await encoder.embed(['green']);
      expect(texts[1]).toBeCloseTo(1, 5);
      expect(asked).toContain(`${prefix}onnx/text_model_quantized.onnx`);
      expect(asked).toContain(`${prefix}tokenizer.json`);
      // Byte progress of the download, named as a download, ending complete.
      const downloads = reports.filter((r) => r.startsWith('downloading CLIP text encoder'));
      expect(downloads.length).toBeGreaterThan(0);
      const [done, total] = downloads.at(-1)!.split(' ').at(-1)!.split('/').map(Number);
      expect(done).toBe(total);
      expect(total).toBeGreaterThan(0);
    } finally {
      server.close();
      await disposeClipModels();
    }
  });
});

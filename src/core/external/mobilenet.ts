/**
 * MobileNetV2 (Sandler et al., CVPR 2018) as a frozen feature extractor: the one pretrained image
 * backbone that ships inside an npm package here — the `nsfwjs` 4.4.0 package (MIT) bundles its
 * weights as JS modules (dist/models/mobilenet_v2), so no network is ever needed. Its trunk was
 * initialised from ImageNet and then fine-tuned by the nsfwjs authors, together with a small
 * head, to tell five NSFW classes apart (drawing, hentai, neutral, porn, sexy): the features
 * carry photo knowledge, bent towards that task.
 *
 * Features: the trunk's last activation ('out_relu', 1,280 channels) averaged over space — the
 * 1,280-d global-average-pooled vector the nsfwjs head reads (at 224 px the model's own 7×7
 * average pool is exactly that), not its class scores. Preprocessing as nsfwjs's core.js does:
 * pixels in [0, 1] (it divides by 255; ours already are), bilinear resize with aligned corners
 * to a square input; grey images are repeated into three channels. Deviation: the input size is
 * a parameter of the extractor (the topology's input shape is rewritten; the convolutions do not
 * care): 224 px as nsfwjs, or a smaller size that is several times faster on WASM for small
 * images such as 28-px digits (see EXTRACTORS and the README for what it costs).
 *
 * The model is imported lazily (its own chunk, 3.5 MB, loaded only when a method asks for it),
 * loaded from memory, run in batches inside tf.tidy with one `await data()` per batch, and
 * disposed at the end: the features are cached (knowledge.ts), the network is not needed again.
 */
import * as tf from '@tensorflow/tfjs';
import { yieldNow } from '../engine/yieldNow';
import type { FeatureExtractor, ImageRows, ReportProgress } from './types';

/** The trunk's last layer: 1,280 channels before the nsfwjs head. */
const TRUNK_OUTPUT = 'out_relu';
const FEATURE_DIM = 1280;
const BATCH = 32;

interface KerasLayer {
  name: string;
  class_name: string;
  config: Record<string, unknown>;
  inbound_nodes: unknown;
}
interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  /** nsfwjs ships its weights quantised to 8 bits (tfjs dequantises them on load). */
  quantization?: { dtype: 'uint8' | 'uint16' | 'float16' };
}

const BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2, float32: 4 };
interface ModelJson {
  modelTopology: { model_config: { config: { layers: KerasLayer[]; output_layers: unknown } } & Record<string, unknown> } & Record<string, unknown>;
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
}

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The trunk as a tfjs model taking size × size × 3 inputs: the topology cut after TRUNK_OUTPUT
 * (the head's 7×7 pool would not fit a smaller input), with only the trunk's weights.
 */
export async function loadMobileNetTrunk(size: number): Promise<tf.LayersModel> {
  let json: ModelJson;
  let shard: string;
  try {
    const { MobileNetV2Model } = await import('nsfwjs/models/mobilenet_v2');
    json = (await MobileNetV2Model.modelJson()).default as ModelJson;
    shard = (await MobileNetV2Model.weightBundles[0]()).default as string;
  } catch (err) {
    throw new Error(`could not load the bundled MobileNetV2 (nsfwjs): ${err instanceof Error ? err.message : String(err)} — reload the page; if it persists, this build lacks the model`);
  }
  const topology = structuredClone(json.modelTopology);
  const config = topology.model_config.config;
  const cut = config.layers.findIndex((l) => l.name === TRUNK_OUTPUT);
  if (cut < 0) throw new Error(`the bundled MobileNetV2 has no layer '${TRUNK_OUTPUT}'`);
  config.layers = config.layers.slice(0, cut + 1);
  config.output_layers = [[TRUNK_OUTPUT, 0, 0]];
  const input = config.layers.find((l) => l.class_name === 'InputLayer')!;
  input.config = { ...input.config, batch_input_shape: [null, size, size, 3] };

  // Keep the weights of the kept layers only, in the manifest's order (one shard).
  const kept = new Set(config.layers.map((l) => l.name));
  const all = base64Bytes(shard);
  const specs: WeightSpec[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const spec of json.weightsManifest.flatMap((g) => g.weights)) {
    const stored = spec.quantization?.dtype ?? spec.dtype;
    if (!BYTES[stored]) throw new Error(`unexpected weight type ${stored} in the bundled MobileNetV2`);
    const bytes = spec.shape.reduce((a, b) => a * b, 1) * BYTES[stored];
    if (kept.has(spec.name.split('/')[0])) {
      specs.push(spec);
      parts.push(all.subarray(offset, offset + bytes));
    }
    offset += bytes;
  }
  if (offset !== all.length) throw new Error('the bundled MobileNetV2 weights do not match their manifest');
  const weightData = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    weightData.set(p, at);
    at += p.length;
  }
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: topology, weightSpecs: specs as tf.io.WeightsManifestEntry[], weightData: weightData.buffer }),
  );
}

/** The pooled trunk features of rows [start, end) of the images: (end − start) × 1,280, on the device. */
function featuresOf(trunk: tf.LayersModel, images: ImageRows, start: number, end: number, size: number): tf.Tensor2D {
  return tf.tidy(() => {
    const { width, height, channels } = images;
    const rows = tf.slice(images.x, [start, 0], [end - start, -1]);
    let batch = tf.reshape(rows, [end - start, height, width, channels]) as tf.Tensor4D;
    if (channels === 1) batch = tf.tile(batch, [1, 1, 1, 3]);
    if (height !== size || width !== size) batch = tf.image.resizeBilinear(batch, [size, size], true);
    const maps = trunk.predict(batch) as tf.Tensor4D;
    return tf.mean(maps, [1, 2]) as tf.Tensor2D;
  });
}

/** MobileNetV2 features of every image, batched, with progress. */
async function extractMobileNet(images: ImageRows, report: ReportProgress, size: number, label: string): Promise<Float32Array> {
  report(0, images.n, `${label}: loading the model`);
  const trunk = await loadMobileNetTrunk(size);
  try {
    const out = new Float32Array(images.n * FEATURE_DIM);
    for (let start = 0; start < images.n; start += BATCH) {
      const end = Math.min(images.n, start + BATCH);
      const f = featuresOf(trunk, images, start, end, size);
      try {
        out.set(await f.data(), start * FEATURE_DIM);
      } finally {
        f.dispose();
      }
      report(end, images.n, label);
      // data() is synchronous underneath on WASM and CPU: without a macrotask per batch the worker
      // would handle no stop, pause or other run's slice until every image is done.
      await yieldNow();
    }
    return out;
  } finally {
    trunk.dispose();
  }
}

const PROVENANCE =
  'MobileNetV2 from the nsfwjs 4.4.0 npm package (MIT): initialised from ImageNet (1.28 M photos, 1,000 classes), then fine-tuned by the nsfwjs authors on other classes (five NSFW categories). Frozen here; its 1,280-d pooled features are used as they are.';

/** The extractor at one input size (its id carries the size: features at another size are other features). */
export function mobileNetV2Extractor(size: number): FeatureExtractor {
  const label = `Extracting MobileNetV2 features (${size} px)`;
  return {
    id: `mobilenet-v2@nsfwjs-4.4.0/${size}px`,
    name: `MobileNetV2 (${size} px)`,
    provenance: PROVENANCE,
    dim: FEATURE_DIM,
    extract: (images, report) => extractMobileNet(images, report, size, label),
  };
}

/**
 * What the pretrained-backbone methods (backbone-kmeans, backbone-scan) share: the frozen
 * MobileNetV2's features of every row, as a phase that fetches the run's feature view
 * (ExternalKnowledge: computed once per dataset and cached) and keeps it on the device as unit
 * rows, so cosine geometry — the one SCAN mines neighbours in — is also k-means' geometry.
 * The embedding of rows is their features, looked up by row (the engine passes `rows`), since
 * the backbone itself is not kept: its features are all the methods need.
 */
import * as tf from '@tensorflow/tfjs';
import { mobileNetV2Id } from '../external/extractors';
import { l2Normalise } from '../nn/rows';
import { frozenRows } from './frozenRows';
import type { MethodContext, ParamSpec, Phase } from './types';

/** MobileNetV2's pooled features. */
export const FEATURE_DIM = 1280;

export const BACKBONE_PARAMS = [
  {
    key: 'inputSize',
    label: 'Backbone input (px)',
    help: 'Images are resized to this square before MobileNetV2: 224 as it was trained (slow on WASM: ~15 images/s on one core), 96 about 5× faster (what small images such as 28-px digits need).',
    kind: 'enum',
    default: '224',
    options: ['96', '224'],
  },
] as const satisfies readonly ParamSpec[];

export interface BackboneFeatures {
  /** Fetches the features (with progress) and makes them unit rows on the device. */
  phase: Phase;
  /** n × 1,280 unit rows; null before the phase has run. */
  all(): tf.Tensor2D | null;
  /** Features of the given dataset rows (r × 1,280); the input itself before the features exist. */
  of(x: tf.Tensor2D, rows?: Int32Array): tf.Tensor2D;
  dispose(): void;
}

export function backboneFeatures(ctx: MethodContext<{ inputSize: '96' | '224' }>, methodName: string): BackboneFeatures {
  const extractorId = mobileNetV2Id(Number(ctx.params.inputSize));
  let features: tf.Tensor2D | null = null;
  const phase: Phase = {
    id: 'features',
    label: `MobileNetV2 features (${ctx.params.inputSize} px, frozen, cached per dataset)`,
    steps: 0,
    batchSize: 1,
    begin: async () => {
      if (!ctx.external) {
        throw new Error(`${methodName} needs external knowledge (a pretrained backbone), which this runtime does not provide: run it in the app or with npm run reproduce`);
      }
      if (!ctx.image) throw new Error(`${methodName} reads images through a pretrained backbone: these data are not images — choose an image dataset or drop photos`);
      const view = await ctx.external.featureView(extractorId, ctx.report ?? (() => undefined));
      if (view.dim !== FEATURE_DIM || view.features.length !== ctx.n * view.dim) throw new Error(`${methodName}: the cached features do not fit these ${ctx.n} rows`);
      features?.dispose();
      features = tf.tidy(() => l2Normalise(tf.tensor2d(view.features, [ctx.n, view.dim])));
    },
  };
  return {
    phase,
    all: () => features,
    of: (x, rows) => (features ? frozenRows(features, x, rows, methodName) : x.clone()),
    dispose: () => features?.dispose(),
  };
}

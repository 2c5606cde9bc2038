/**
 * Pretrained backbone + k-means — the external-knowledge prior (survey §3.6) at its plainest:
 * features learned on other, larger data (MobileNetV2, Sandler et al., CVPR 2018: ImageNet, then
 * fine-tuned by nsfwjs; external/mobilenet.ts), frozen, then k-means (Lloyd 1982 with k-means++
 * seeding, Arthur & Vassilvitskii 2007) on them: the "pretrained features + k-means" baseline of
 * deep clustering (e.g. Adaloglou, Michels, Kalisch & Kollmann, "Exploring the limits of deep
 * image clustering using pretrained models", BMVC 2023, who cluster frozen features this way).
 *   min Σᵢ ‖f(xᵢ)/‖f(xᵢ)‖ − μ_c(i)‖²,   f = the frozen backbone's 1,280-d pooled features
 * Features are L2-normalised (cosine geometry, as the works above; on unit rows the squared
 * distance is 2 − 2·cosine). Deviation: no PCA before k-means (Adaloglou et al. reduce with it
 * for speed on 10⁶ images; 10,000 × 1,280 is fast enough as it is). Restarts and iterations as
 * scikit-learn's defaults, like the pixel k-means baseline, so the two compare on their inputs
 * alone.
 */
import * as tf from '@tensorflow/tfjs';
import { kmeans, nearestCentreOneHot } from '../cluster/kmeans';
import { BACKBONE_PARAMS, backboneFeatures } from './backboneFeatures';
import { defineMethod, type ParamSpec } from './types';

const PARAMS = [
  ...BACKBONE_PARAMS,
  { key: 'nInit', label: 'Restarts', help: 'k-means++ restarts on the features; the lowest inertia wins (scikit-learn: 10).', kind: 'int', default: 10, min: 1, max: 100 },
  { key: 'maxIter', label: 'Max iterations', help: 'Lloyd iterations per restart (scikit-learn: 300).', kind: 'int', default: 300, min: 1, max: 1000 },
] as const satisfies readonly ParamSpec[];

export const backboneKmeans = defineMethod({
  id: 'backbone-kmeans',
  name: 'Pretrained backbone + k-means',
  family: 'external',
  paper: 'MobileNetV2: Sandler et al., CVPR 2018 (weights: nsfwjs 4.4.0); frozen features + k-means as in Adaloglou et al., BMVC 2023',
  summary: 'k-means on the features of a frozen MobileNetV2 that learned from ImageNet photos (then NSFW classes), not on pixels.',
  card: {
    equation: 'min Σᵢ ‖f(xᵢ)/‖f(xᵢ)‖ − μ_c(i)‖²,   f frozen (pretrained MobileNetV2, 1,280-d)',
    steps: [
      'Pass every image through the frozen MobileNetV2 once (cached per dataset) and keep its 1,280-d pooled features.',
      'Scale each feature vector to unit length, so closeness means cosine similarity.',
      'Run k-means++ with restarts on the features; the lowest inertia wins.',
    ],
    failureMode:
      'Only as good as the backbone’s knowledge fits the data: it helps on photos like its training images, but on MNIST digits it clusters worse than raw pixels (MNIST-10k: NMI 0.28 against 0.48): features for photos do not capture what tells one handwritten stroke from another.',
  },
  params: PARAMS,
  presets: { quick: { inputSize: '96' }, paper: { inputSize: '224' } },
  create(ctx) {
    const rng = ctx.rng.fork();
    const features = backboneFeatures(ctx, 'Pretrained backbone + k-means');
    let centroids: tf.Tensor2D | null = null;
    return {
      phases: [
        features.phase,
        {
          id: 'kmeans',
          label: 'k-means on the backbone features',
          steps: 0,
          batchSize: 1,
          begin: async () => {
            const res = await kmeans(features.all()!, { k: ctx.k, rng, nInit: ctx.params.nInit, maxIter: ctx.params.maxIter });
            centroids?.dispose();
            centroids = res.centroids;
          },
        },
      ],
      embed: (x, rows) => features.of(x, rows),
      assign: (x, rows) => {
        const c = centroids;
        if (!c) return null;
        return tf.tidy(() => nearestCentreOneHot(features.of(x, rows), c));
      },
      dispose: () => {
        features.dispose();
        centroids?.dispose();
      },
    };
  },
});

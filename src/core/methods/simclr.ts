/**
 * SimCLR + k-means — Chen, Kornblith, Norouzi & Hinton, "A Simple Framework for Contrastive
 * Learning of Visual Representations", ICML 2020, as the clustering baseline SCAN compares against
 * (Van Gansbeke et al. 2020, Table 3 "Pretext + K-means").
 *
 * Phases:
 *  1. pretext — NT-Xent on two augmented views (Eq. 1), see simclrPretext.ts;
 *  2. kmeans — k-means (k-means++, 10 restarts, as scikit-learn's n_init in the reference) on the
 *     L2-normalised backbone features h of the clean images.
 * No clustering loss: the contrastive features alone decide the clusters. The soft assignment
 * shown is DEC's Student-t kernel (α = 1) around the k-means centroids, as AE + k-means.
 * Reference (scan_ref.py, its CNN, 20 epochs, MNIST-10k): ACC 0.941.
 */
import * as tf from '@tensorflow/tfjs';
import { kmeans } from '../cluster/kmeans';
import { mapRows } from '../nn/autoencoder';
import { softAssign } from '../nn/studentT';
import { createPretext, PRETEXT_PARAMS, PRETEXT_PRESETS } from './simclrPretext';
import { defineMethod, type ParamSpec } from './types';

const SIMCLR_PARAMS = [
  ...PRETEXT_PARAMS,
  { key: 'kmeansInit', label: 'k-means restarts', help: 'k-means++ restarts on the features; the lowest inertia wins (reference: 10).', kind: 'int', default: 10, min: 1, max: 100 },
] as const satisfies readonly ParamSpec[];

export const simclr = defineMethod({
  id: 'simclr',
  name: 'SimCLR + k-means',
  family: 'augmentation',
  paper: 'Chen, Kornblith, Norouzi & Hinton, ICML 2020',
  summary: 'Learn features in which two augmentations of an image are closer to each other than to any other image, then run k-means on them.',
  card: {
    equation: 'ℓᵢⱼ = −log exp(sim(zᵢ, zⱼ)/τ) / Σ_{k≠i} exp(sim(zᵢ, z_k)/τ)   (Eq. 1), then k-means on h',
    steps: [
      'Make two random augmentations of every image in a batch.',
      'Train the network so each view picks out its partner among all 2N views (NT-Xent).',
      'Run k-means on the normalised features h of the clean images.',
    ],
    failureMode: 'The features only learn what the augmentations vary: digits that differ by a stroke the augmentations can mimic (4/9, 7/1) stay close, and k-means then splits by style.',
  },
  params: SIMCLR_PARAMS,
  presets: { paper: { ...PRETEXT_PRESETS.paper }, quick: { ...PRETEXT_PRESETS.quick } },
  create(ctx) {
    const pretext = createPretext(ctx);
    const rng = ctx.rng.fork();
    let centroids: tf.Tensor2D | null = null;
    return {
      phases: [
        pretext.phase,
        {
          id: 'kmeans',
          label: 'k-means on the SimCLR features',
          steps: 0,
          batchSize: pretext.phase.batchSize,
          begin: async () => {
            const h = pretext.features(ctx.x);
            const res = await kmeans(h, { k: ctx.k, rng, nInit: ctx.params.kmeansInit });
            h.dispose();
            centroids?.dispose();
            centroids = res.centroids;
          },
        },
      ],
      embed: pretext.features,
      assign: (x) => {
        const mu = centroids;
        return mu ? mapRows(x, (rows) => softAssign(pretext.feature(rows), mu, 1)) : null;
      },
      encoder: pretext.backbone,
      dispose: () => {
        pretext.dispose();
        centroids?.dispose();
      },
    };
  },
});


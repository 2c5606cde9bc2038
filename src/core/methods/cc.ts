/**
 * CC — Contrastive Clustering. Li, Hu, Liu, Peng, Zhou & Peng, "Contrastive Clustering", AAAI 2021.
 *
 * A shared backbone f feeds two projectors (§3.1): an instance projector g_I (dense → ReLU → dense
 * to 128 features) and a cluster projector g_C (dense → ReLU → dense to M = k, softmax). For two
 * augmentations x_a, x_b of a batch (ccLoss.ts):
 *   Eq. 2–3  instance level: NT-Xent over the rows of z_a = g_I(f(x_a)), z_b (τ_I = 0.5) — each
 *            image's two views attract, the other 2N − 2 views repel;
 *   Eq. 5–6  cluster level: NT-Xent over the columns of Y_a = g_C(f(x_a)), Y_b (τ_C = 1.0) — a
 *            column is a cluster's "representation" over the batch, the same cluster in both views
 *            attracts, the other clusters repel;
 *   Eq. 7    minus the entropy of each view's cluster sizes, so no cluster is left empty;
 *   Eq. 8    L = L_ins + L_clu, trained jointly end to end.
 * A point's cluster is the argmax of its cluster projection (§3.3), read from the clean image.
 *
 * Defaults and their sources (the authors' code, Yunfan-Li/Contrastive-Clustering,
 * config/config.yaml and modules/network.py): Adam lr 3·10⁻⁴, weight decay 0, batch 256, 1,000
 * epochs, instance features 128, τ_I 0.5, τ_C 1.0, projector hidden width = the backbone's width.
 * Deviations:
 *  - the backbone is an MLP with batch norm (backbone.ts), not ResNet-34;
 *  - both views take the strong preset of augmentationViews.ts (affine, jitter, noise, cutout —
 *    no flips for digits) instead of their resized crops, flips, colour jitter and greyscale; on
 *    vector data, Gaussian noise;
 *  - the entropy term is written log M − H per view, as their code (the same gradient);
 *  - 'quick' trains far fewer epochs (see the preset). The paper reports CIFAR-10/100, STL-10 and
 *    ImageNet subsets only; no MNIST figure to compare with.
 */
import * as tf from '@tensorflow/tfjs';
import { mapRows } from '../nn/autoencoder';
import { l2Normalise } from '../nn/rows';
import { createDense, type Dense } from '../nn/dense';
import { ntXent } from '../nn/ntXent';
import type { Rng } from '../rng';
import { backboneParams, widthLayersBackbone } from './backbone';
import { augmentedView, VIEW_PAIRS, viewStrengths } from './augmentationViews';
import { clusterLevelLoss } from './ccLoss';
import { defineMethod, type MethodContext, type MethodRun, type ParamsOf, type Phase } from './types';

const CC_PARAMS = [
  ...backboneParams(512, 2),
  { key: 'featureDim', label: 'Instance features', help: "Width of the instance projector's output, where NT-Xent compares rows (authors: 128).", kind: 'int', default: 128, min: 2, max: 1024 },
  { key: 'instanceTemperature', label: 'Instance temperature τ_I', help: 'Temperature of the instance-level NT-Xent (authors: 0.5).', kind: 'float', default: 0.5, min: 0.05, max: 5, log: true },
  { key: 'clusterTemperature', label: 'Cluster temperature τ_C', help: 'Temperature of the cluster-level NT-Xent over columns (authors: 1.0).', kind: 'float', default: 1, min: 0.05, max: 5, log: true },
  { key: 'views', label: 'Views', help: 'Augmentation presets of the two views (weak: small affine maps; strong: larger ones plus jitter, noise and cutout; authors: both views from the same strong family).', kind: 'enum', default: 'strong+strong', options: VIEW_PAIRS },
  { key: 'batchSize', label: 'Batch size', help: 'Images per step, each seen in two views (authors: 256).', kind: 'int', default: 256, min: 8, max: 2048 },
  { key: 'epochs', label: 'Epochs', help: 'Passes over the data (authors: 1,000).', kind: 'int', default: 1000, min: 1, max: 5000 },
  { key: 'lr', label: 'Learning rate', help: 'Adam step size (authors: 0.0003, no weight decay).', kind: 'float', default: 3e-4, min: 1e-5, max: 1e-2, log: true },
] as const;

type CcParams = ParamsOf<typeof CC_PARAMS>;

/** dense → ReLU → dense (the authors' projector shape). */
interface Projector {
  apply(h: tf.Tensor2D): tf.Tensor2D;
  layers: Dense[];
}

function createProjector(width: number, out: number, rng: Rng): Projector {
  const layers = [createDense(width, width, rng), createDense(width, out, rng)];
  return { layers, apply: (h) => layers[1].apply(tf.relu(layers[0].apply(h))) };
}

function create(ctx: MethodContext<CcParams>): MethodRun {
  const p = ctx.params;
  const backbone = widthLayersBackbone(ctx.dim, ctx.image, p, ctx.rng.fork());
  const projectorRng = ctx.rng.fork();
  const instance = createProjector(backbone.outDim, p.featureDim, projectorRng);
  const cluster = createProjector(backbone.outDim, ctx.k, projectorRng);
  const viewRng = ctx.rng.fork();
  const [first, second] = viewStrengths(p.views);
  const batch = Math.min(p.batchSize, ctx.n);
  const layers = [...instance.layers, ...cluster.layers];

  const train: Phase = {
    id: 'cc',
    label: 'CC (instance and cluster contrast)',
    steps: p.epochs * Math.max(1, Math.round(ctx.n / batch)),
    batchSize: batch,
    optimizer: { kind: 'adam', learningRate: p.lr, weightDecay: 0 },
    variables: () => [...backbone.variables(), ...layers.flatMap((l) => l.variables())],
    loss: (rows) => {
      // Each view through the backbone on its own, as the authors' code (its own batch-norm statistics).
      const ha = backbone.apply(augmentedView(rows, ctx.image, first, viewRng), true);
      const hb = backbone.apply(augmentedView(rows, ctx.image, second, viewRng), true);
      const instanceLoss = ntXent(instance.apply(ha), instance.apply(hb), p.instanceTemperature);
      const { contrast, entropy } = clusterLevelLoss(tf.softmax(cluster.apply(ha)), tf.softmax(cluster.apply(hb)), p.clusterTemperature);
      const total = tf.addN([instanceLoss, contrast, entropy]) as tf.Scalar;
      return { total, parts: { instance: instanceLoss, cluster: contrast, entropy } };
    },
  };

  return {
    phases: [train],
    // The instance features, normalised as NT-Xent compares them.
    embed: (x) =>
      mapRows(x, (r) => {
        return l2Normalise(instance.apply(backbone.apply(r)));
      }),
    assign: (x) => mapRows(x, (r) => tf.softmax(cluster.apply(backbone.apply(r)))),
    encoder: backbone,
    dispose: () => {
      backbone.dispose();
      layers.forEach((l) => l.dispose());
    },
  };
}

export const cc = defineMethod({
  id: 'cc',
  name: 'CC',
  family: 'augmentation',
  paper: 'Li, Hu, Liu, Peng, Zhou & Peng, AAAI 2021',
  summary: 'Contrast two augmented views twice: rows of their features (same image attracts) and columns of their cluster assignments (same cluster attracts), keeping cluster sizes spread.',
  card: {
    equation: 'L = L_ins + L_clu,  L_clu = (1/2M) Σₘ (ℓ̂ₘ + ℓ̂′ₘ) − H(Y)   (Eq. 2–8)',
    steps: [
      'Augment every image of the batch twice and pass both views through one backbone.',
      'Instance head: NT-Xent pulls the two views of an image together, away from the other images.',
      'Cluster head: NT-Xent on the columns of the two assignment matrices, minus the entropy of cluster sizes.',
    ],
    failureMode: 'The cluster-level contrast needs batches much larger than k and augmentations that keep the class; without the entropy term one cluster takes everything, with it clusters are forced to equal size even when the classes are not.',
  },
  params: CC_PARAMS,
  presets: {
    paper: {},
    // A CPU budget: 20 epochs instead of 1,000, so a larger step size (10⁻³ against 3·10⁻⁴); weak
    // views, which an MLP can match (2,000 digits, 10 epochs: ACC 0.475 weak+weak, 0.372 strong+strong).
    quick: { width: 500, lr: 1e-3, epochs: 20, views: 'weak+weak' },
  },
  create,
});

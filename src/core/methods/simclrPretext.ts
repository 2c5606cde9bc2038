/**
 * The SimCLR pretext phase (Chen, Kornblith, Norouzi & Hinton, "A Simple Framework for Contrastive
 * Learning of Visual Representations", ICML 2020), shared by SimCLR + k-means and SCAN (whose
 * step 1 it is, Van Gansbeke et al. 2020 §3.1):
 *   two random views a_i, b_i of every image of a batch; backbone h = f(·), projection
 *   z = g(h) = W₂ ReLU(W₁ h) (§2.1); minimise NT-Xent over the 2N views (Eq. 1, nn/ntXent.ts).
 * The features used downstream are h (not z), L2-normalised, as the paper's §2.1 and SCAN's code.
 *
 * Defaults: the project's PyTorch reference (scan_ref.py; SimCLR → k-means 0.941 on MNIST-10k with
 * its CNN): τ 0.5 (SimCLR's CIFAR-10 setting, Appendix B.9), batch 256 (last partial batch
 * dropped), Adam 10⁻³ with weight decay 10⁻⁶ and cosine decay to 0 without warm-up, h 128-d,
 * projection 128–128–64, strong augmentations for both views. SimCLR itself trains ResNets with
 * LARS at batch 4,096 for hundreds of epochs; SCAN's CIFAR pretext runs 500 epochs (batch 512,
 * τ 0.1, SGD 0.4) — neither fits a browser.
 *
 * The phase is `shared` (runs with the same settings train it once): its networks come from the
 * first fork of the run's generator, and its `state()` (the backbone's batch-norm running
 * statistics) is cached with the weights.
 */
import * as tf from '@tensorflow/tfjs';
import { mapRows } from '../nn/autoencoder';
import { createMlpEncoder, type MlpEncoder } from '../nn/mlpEncoder';
import { ntXent } from '../nn/ntXent';
import { l2Normalise } from '../nn/rows';
import { BACKBONE_HELP, BACKBONE_KINDS, createBackbone, type Backbone } from './backbone';
import { createViewMaker, type ViewMaker } from './contrastiveViews';
import type { MethodContext, ParamsOf, ParamSpec, Phase } from './types';

export const PRETEXT_PARAMS = [
  { key: 'encoder', label: 'Backbone', help: BACKBONE_HELP, kind: 'enum', default: 'mlp', options: BACKBONE_KINDS },
  { key: 'width', label: 'MLP hidden width', help: 'Width of the two hidden layers of the MLP backbone.', kind: 'int', default: 512, min: 16, max: 4096 },
  { key: 'featureDim', label: 'Feature width', help: 'Width of the backbone feature h that k-means, mining and the heads use (reference: 128).', kind: 'int', default: 128, min: 8, max: 2048 },
  { key: 'projectionDim', label: 'Projection width', help: 'Output of the projection head g(h) = W₂ ReLU(W₁ h) that NT-Xent compares (reference: 64; SimCLR: 128).', kind: 'int', default: 64, min: 8, max: 1024 },
  { key: 'pretextEpochs', label: 'Pretext epochs', help: 'Passes over the data with the contrastive loss (reference: 20 on MNIST; SCAN on CIFAR: 500).', kind: 'int', default: 20, min: 0, max: 1000 },
  { key: 'pretextLr', label: 'Pretext learning rate', help: 'Adam step size of the pretext, decayed to 0 on a cosine (reference: 0.001).', kind: 'float', default: 1e-3, min: 1e-5, max: 1e-1, log: true },
  { key: 'temperature', label: 'Temperature τ', help: 'NT-Xent temperature (SimCLR Eq. 1; 0.5 on CIFAR-10 and in the reference).', kind: 'float', default: 0.5, min: 0.01, max: 10, log: true },
  { key: 'batchSize', label: 'Batch size', help: 'Images per step; each gives two views, so NT-Xent compares 2N rows (reference: 256).', kind: 'int', default: 256, min: 8, max: 2048 },
  { key: 'pretextViews', label: 'Pretext augmentation', help: "Strength of both views' augmentations: 'strong' (the reference: rotation, zoom, shift, noise, cutout) or 'weak' (small affine maps only).", kind: 'enum', default: 'strong', options: ['strong', 'weak'] },
  { key: 'vectorNoise', label: 'Noise of vector views', help: 'Rows that are not images are augmented by Gaussian noise of this many feature standard deviations (half for weak views).', kind: 'float', default: 0.3, min: 0, max: 5 },
] as const satisfies readonly ParamSpec[];

export type PretextParams = ParamsOf<typeof PRETEXT_PARAMS>;

/** Pretext presets shared by SimCLR and SCAN, so their runs share one pretraining. */
export const PRETEXT_PRESETS = {
  paper: { pretextEpochs: 20 },
  // The narrower MLP keeps SimCLR + SCAN within ~10 minutes on MNIST-10k.
  quick: { pretextEpochs: 20, width: 256 },
} as const;

export interface Pretext {
  backbone: Backbone;
  projection: MlpEncoder;
  views: ViewMaker;
  phase: Phase;
  /** L2-normalised features h of a few rows, batch norm in inference mode (inside tidy). */
  feature(rows: tf.Tensor2D): tf.Tensor2D;
  /** The same for any number of rows, in chunks. */
  features(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/** Steps of `epochs` passes at `batchSize`, the last partial batch dropped (as the reference). */
export function epochSteps(n: number, batchSize: number, epochs: number): number {
  return epochs * Math.max(1, Math.floor(n / batchSize));
}

export function createPretext(ctx: MethodContext<PretextParams>): Pretext {
  const p = ctx.params;
  // The networks first, from the first fork: what a shared pretraining requires.
  const netRng = ctx.rng.fork();
  const backbone = createBackbone(ctx.dim, ctx.image, { kind: p.encoder, hidden: [p.width, p.width], dim: p.featureDim }, netRng);
  const projection = createMlpEncoder([p.featureDim, p.featureDim, p.projectionDim], netRng, { batchNorm: false });
  const views = createViewMaker(ctx.x, ctx.image, p.vectorNoise, ctx.rng.fork());
  const batchSize = Math.min(p.batchSize, ctx.n);

  const phase: Phase = {
    id: 'pretext',
    label: 'pretext (SimCLR: NT-Xent on two augmented views)',
    steps: epochSteps(ctx.n, batchSize, p.pretextEpochs),
    batchSize,
    shared:
      `SimCLR ${p.encoder} ${p.width}-${p.featureDim}-${p.projectionDim}, ${p.pretextEpochs} epochs, Adam ${p.pretextLr} cosine, ` +
      `batch ${batchSize}, τ ${p.temperature}, ${p.pretextViews} views, vector noise ${p.vectorNoise}`,
    optimizer: { kind: 'adam', learningRate: p.pretextLr, epsilon: 1e-8, weightDecay: 1e-6, schedule: { kind: 'cosine' } },
    variables: () => [...backbone.variables(), ...projection.variables()],
    state: () => backbone.statistics(),
    loss: (batch) => {
      const n = batch.shape[0];
      // Both views through the backbone as one batch (one set of batch-norm statistics, as the reference).
      const views2 = tf.concat([views.view(batch, p.pretextViews), views.view(batch, p.pretextViews)], 0);
      const z = projection.apply(backbone.apply(views2, true), true);
      const loss = ntXent(tf.slice(z, [0, 0], [n, -1]), tf.slice(z, [n, 0], [n, -1]), p.temperature);
      return { total: loss, parts: { ntXent: loss } };
    },
  };

  const feature = (rows: tf.Tensor2D): tf.Tensor2D => l2Normalise(backbone.apply(rows, false));

  return {
    backbone,
    projection,
    views,
    phase,
    feature,
    features: (x) => mapRows(x, feature),
    dispose: () => {
      backbone.dispose();
      projection.dispose();
      views.dispose();
    },
  };
}

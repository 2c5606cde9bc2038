/**
 * DeepCluster. Caron, Bojanowski, Joulin & Douze, "Deep Clustering for Unsupervised Learning of
 * Visual Features", ECCV 2018.
 *
 * Alternate, once per epoch (§3.2):
 *   cluster  — features f_θ(x_n) of all points, PCA-whitened and L2-normalised, then k-means:
 *              Eq. 2  min_C Σ_n min_{y_n ∈ {0,1}^k, y_nᵀ1 = 1} ‖f_θ(x_n) − C y_n‖²
 *              whose assignments y_n are the pseudo-labels;
 *   learn    — re-initialise the classifier g_W, then train it and the encoder on the
 *              pseudo-labels: Eq. 1  min_{θ,W} 1/N Σ_n ℓ(g_W(f_θ(x_n)), y_n)  (cross-entropy),
 *              with batches sampled uniformly over the pseudo-classes (§3.3) so a big cluster
 *              cannot take over; an empty cluster is re-seeded by splitting a big one (§3.3).
 *              The network learns on randomly cropped images, the clustering sees them whole
 *              (the authors' code: random resized crops and flips to train, a centre crop to cluster).
 * The cluster shown is the nearest latest k-means centroid of the current (preprocessed)
 * features: equal to the pseudo-labels right after each k-means, and meaningful all epoch long,
 * whereas the head is re-initialised every epoch. Soft assignment: DEC's Student-t kernel (α = 1)
 * around those centroids, as AE + k-means. A final k-means after the last epoch labels the end state.
 *
 * Defaults and their sources (paper §4, the authors' code facebookresearch/deepcluster): SGD lr
 * 0.05, momentum 0.9, batch 256, PCA to 256 dims + whitening + L2, faiss k-means 20 iterations,
 * classifier initialised N(0, 0.01) with zero bias, 500 epochs (ImageNet).
 * Deviations: an MLP encoder (DEC's, pretrained on reconstruction by default, `encoderInit`)
 * instead of AlexNet/VGG with Sobel input — an MLP trained from scratch on its own pseudo-labels
 * barely beats pixels on MNIST; k = the number of classes by default (the paper over-clusters,
 * k = 10,000 on ImageNet; set k above #classes to do the same); no weight decay (10⁻⁵ in the
 * paper; the optimiser spec has it now, but the figures in README/RESULTS were measured without,
 * so it stays off until they are measured again); k-means++ seeding instead of faiss's random
 * sample; the head's momentum buffer survives its re-initialisation (the authors make a new
 * optimiser for it every epoch; ours is one per phase); crops are shifts of the zero-padded image
 * by up to `cropShift` pixels (the usual crop for 28- and 32-pixel images) instead of ImageNet's
 * random resized crops, and no flips (a mirrored digit is no longer its class). Quick preset:
 * crops of 2 pixels end at 0.696 / 0.724 ACC on MNIST-10k (seeds 0 / 1) against 0.650 / 0.703
 * without, and at 0.807 on all 70,000 digits against 0.703 (README).
 */
import * as tf from '@tensorflow/tfjs';
import { randomCrops } from '../augment/randomCrop';
import { kmeansSplit } from '../cluster/kmeansSplit';
import { fitPcaWhiten, type FeatureTransform } from '../cluster/pcaWhiten';
import { createAutoencoder, mapRows } from '../nn/autoencoder';
import { createDense } from '../nn/dense';
import { softAssign } from '../nn/studentT';
import { AE_PARAMS, AE_PRESETS, embedWith, encoderDims, pretrainPhase } from './autoencoderPhases';
import { defineMethod, omitParams, type MethodContext, type MethodRun, type ParamSpec, type ParamsOf, type Phase } from './types';
import { uniformLabelSample } from './uniformLabelSampler';

/** What the latest clustering left: how to preprocess features, its centroids and labels. */
interface Clustering {
  transform: FeatureTransform;
  centroids: tf.Tensor2D;
  /** Pseudo-labels of all points, on the device (for the loss). */
  labels: tf.Tensor1D;
  /** This epoch's indices, uniform over pseudo-classes. */
  order: Int32Array;
}

const DEEPCLUSTER_PARAMS = [
  // k-means restarts do not apply: DeepCluster runs one faiss-style k-means per epoch.
  ...omitParams(AE_PARAMS, 'kmeansInit'),
  { key: 'encoderInit', label: 'Encoder start', help: "'pretrained': pretrain the autoencoder first (our MLP deviation); 'random': train from scratch, as the paper's convnets.", kind: 'enum', default: 'pretrained', options: ['pretrained', 'random'] },
  { key: 'dcEpochs', label: 'DeepCluster epochs', help: 'Epochs of cluster-then-classify; k-means runs once per epoch (paper: 500 on ImageNet).', kind: 'int', default: 500, min: 1, max: 5000 },
  { key: 'dcLr', label: 'Classification learning rate', help: 'SGD step size (momentum 0.9) for encoder and classifier (paper: 0.05).', kind: 'float', default: 0.05, min: 1e-5, max: 1, log: true },
  { key: 'cropShift', label: 'Random crop (pixels)', help: 'Each training image is shifted by up to this many pixels (a random crop of the zero-padded image; the authors train on random crops). 0: none. Ignored when the rows are not images.', kind: 'int', default: 2, min: 0, max: 8 },
  { key: 'pcaDims', label: 'PCA dimensions', help: 'Principal components of the features kept before k-means (paper: 256; at most the embedding width).', kind: 'int', default: 256, min: 1, max: 4096 },
  { key: 'whiten', label: 'Whiten features', help: 'Scale each principal component to unit variance before L2-normalising (paper: yes).', kind: 'bool', default: true },
  { key: 'kmeansIters', label: 'k-means iterations', help: 'Lloyd iterations per clustering; empty clusters are split from big ones (faiss/authors: 20).', kind: 'int', default: 20, min: 1, max: 300 },
] as const satisfies readonly ParamSpec[];

type DeepClusterParams = ParamsOf<typeof DEEPCLUSTER_PARAMS>;

function create(ctx: MethodContext<DeepClusterParams>): MethodRun {
  const p = ctx.params;
  // The autoencoder first: every autoencoder method builds it from the first fork, so they share
  // one pretraining (sessions' shared start).
  const ae = createAutoencoder(encoderDims(ctx), ctx.rng.fork());
  const rng = ctx.rng.fork();
  const head = createDense(ae.embedDim, ctx.k, ctx.rng.fork());
  const cropRng = ctx.rng.fork();
  const batch = Math.min(p.batchSize, ctx.n);
  const stepsPerEpoch = Math.max(1, Math.floor(ctx.n / batch));
  let current: Clustering | null = null;
  let cursor = 0;

  const release = (c: Clustering | null): void => {
    if (!c) return;
    c.transform.dispose();
    tf.dispose([c.centroids, c.labels]);
  };

  /** Features of all points → PCA-whiten + L2 → k-means → pseudo-labels and this epoch's order. */
  const recluster = async (): Promise<void> => {
    const z = mapRows(ctx.x, ae.encode);
    const transform = await fitPcaWhiten(z, { dims: p.pcaDims, whiten: p.whiten });
    const f = mapRows(z, transform.apply);
    z.dispose();
    const res = await kmeansSplit(f, { k: ctx.k, rng, iterations: p.kmeansIters });
    f.dispose();
    release(current);
    current = { transform, centroids: res.centroids, labels: tf.tensor1d(res.labels, 'int32'), order: uniformLabelSample(res.labels, ctx.k, rng) };
    cursor = 0;
  };

  /** A fresh classifier every epoch: N(0, 0.01) weights, zero bias (authors' code). */
  const resetHead = (): void =>
    tf.tidy(() => {
      head.kernel.assign(tf.randomNormal(head.kernel.shape, 0, 0.01, 'float32', rng.seed()));
      head.bias.assign(tf.zerosLike(head.bias));
    });

  const learn: Phase = {
    id: 'deepcluster',
    label: 'DeepCluster (k-means pseudo-labels → classification)',
    steps: p.dcEpochs * stepsPerEpoch,
    batchSize: batch,
    optimizer: { kind: 'sgd', learningRate: p.dcLr, momentum: 0.9 },
    checkEvery: stepsPerEpoch,
    variables: () => [...ae.encoder.variables(), ...head.variables()],
    check: async () => {
      await recluster();
      resetHead();
      return false;
    },
    // Batches uniform over pseudo-classes (§3.3), this epoch's order after each re-clustering.
    nextBatch: () => {
      if (!current) throw new Error('DeepCluster: no pseudo-labels (check() not run)');
      const ids = current.order.subarray(cursor, cursor + batch);
      cursor += batch;
      if (cursor + batch > current.order.length) cursor = 0; // only if steps outrun an epoch
      return ids;
    },
    loss: (rows, ids) => {
      if (!current) throw new Error('DeepCluster: no pseudo-labels (check() not run)');
      const input = ctx.image ? randomCrops(rows, ctx.image, p.cropShift, cropRng) : rows;
      const logits = head.apply(ae.encode(input));
      const targets = tf.oneHot(tf.gather(current.labels, ids), ctx.k);
      const crossEntropy = tf.losses.softmaxCrossEntropy(targets, logits) as tf.Scalar;
      return { total: crossEntropy, parts: { crossEntropy } };
    },
  };

  const final: Phase = { id: 'final', label: 'final k-means on the features', steps: 0, batchSize: batch, begin: recluster };
  const phases = p.encoderInit === 'pretrained' ? [pretrainPhase(ae, ctx), learn, final] : [learn, final];

  return {
    phases,
    embed: embedWith(ae),
    assign: (x) => {
      const c = current;
      return c ? mapRows(x, (rows) => softAssign(c.transform.apply(ae.encode(rows)), c.centroids, 1)) : null;
    },
    dispose: () => {
      ae.dispose();
      head.dispose();
      release(current);
    },
  };
}

export const deepCluster = defineMethod({
  id: 'deepcluster',
  name: 'DeepCluster',
  family: 'pseudo-label',
  paper: 'Caron, Bojanowski, Joulin & Douze, ECCV 2018',
  summary: 'Every epoch, k-means on the features gives pseudo-labels; a freshly initialised classifier and the encoder then learn to predict them.',
  card: {
    equation: 'min Σᵢ ℓ(h(f(xᵢ)), yᵢ),  yᵢ = k-means label of f(xᵢ)   (Eq. 1–2)',
    steps: [
      'Every epoch, run k-means on the current features to get pseudo-labels.',
      'Re-initialise the classifier head; train head + encoder to predict them from randomly cropped images.',
      'Sample batches uniformly over pseudo-classes; re-seed empty clusters.',
    ],
    failureMode: 'Trivial solutions: a few clusters take almost all points unless sampling is balanced and empty clusters are re-seeded.',
  },
  params: DEEPCLUSTER_PARAMS,
  presets: {
    paper: { ...AE_PRESETS.paper, dcEpochs: 500 },
    // lr 0.01: on 3,000 digits (one seed, 6 epochs) ACC 0.612 against 0.541 at the paper's 0.05.
    quick: { ...AE_PRESETS.quick, dcEpochs: 10, dcLr: 0.01 },
  },
  create,
});

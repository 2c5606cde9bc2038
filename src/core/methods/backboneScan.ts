/**
 * SCAN on a pretrained backbone — Van Gansbeke, Vandenhende, Georgoulis, Proesmans & Van Gool,
 * "SCAN: Learning to Classify Images without Labels", ECCV 2020, with external knowledge as its
 * pretext: the frozen MobileNetV2 (ImageNet, then fine-tuned by nsfwjs; external/mobilenet.ts)
 * stands where SCAN trains SimCLR (§3.1). The steps, as phases:
 *  1. features — the backbone's 1,280-d pooled features of every image, L2-normalised (computed
 *     once per dataset and cached; backboneFeatures.ts);
 *  2. mine — the K nearest neighbours N_X of every image by cosine similarity (§3.1; cluster/knn.ts);
 *  3. scan — linear heads Φ (features → k, softmax) trained with the SCAN loss (Eq. 2; scanLoss.ts):
 *       Λ = −1/|D| Σ_X Σ_{k∈N_X} log ⟨Φ(X), Φ(k)⟩ + λ Σ_c Φ'_c log Φ'_c
 *     one random mined neighbour per anchor per step; of several heads the one with the lowest
 *     loss on all the data is kept (label-free, as the authors);
 *  4. selflabel — the kept head fine-tuned on its own confident predictions (§3.2; selfLabelLoss.ts),
 *     threshold 0.99, class-balanced cross-entropy (0 epochs skips it).
 * Defaults and their sources: a frozen backbone with only the heads trained, 10 heads, λ = 5 —
 * the authors' ImageNet configs (configs/scan/imagenet_*.yml: update_cluster_head_only, num_heads
 * 10, entropy_weight 5); K = 20 (their CIFAR/STL configs; 50 on ImageNet's 1.28 M images); Adam
 * with weight decay 10⁻⁴ (their configs), the head's rate 10⁻³ as in scan.ts (the project's
 * reference); self-label threshold 0.99 and rate 10⁻⁴ (paper §4.1).
 * Deviations: the backbone is frozen, so there are no augmented views — anchors, neighbours and
 * the self-label's "weak" and "strong" views are the same fixed features (SCAN's augmentations
 * act through the backbone it fine-tunes; a frozen backbone's features do not move), which makes
 * self-labelling a sharpening of the head's confident rows rather than an augmentation-invariance
 * step.
 */
import * as tf from '@tensorflow/tfjs';
import { mineNeighbours, type Neighbours } from '../cluster/knn';
import { mapRows } from '../nn/autoencoder';
import { createDense, denseForward, type Dense } from '../nn/dense';
import type { Rng } from '../rng';
import { noGrad } from '../nn/stopGradient';
import { BACKBONE_PARAMS, backboneFeatures, FEATURE_DIM } from './backboneFeatures';
import { lowestLossHead, randomMinedNeighbour, scanHeadsLoss } from './scanLoss';
import { selfLabelLoss } from './selfLabelLoss';
import { epochSteps } from './simclrPretext';
import { defineMethod, type ParamSpec, type Phase } from './types';

const PARAMS = [
  ...BACKBONE_PARAMS,
  { key: 'neighbours', label: 'Neighbours K', help: 'Nearest neighbours mined per image in the backbone features (paper: 20; 50 on ImageNet).', kind: 'int', default: 20, min: 1, max: 200 },
  { key: 'heads', label: 'Clustering heads', help: 'Heads trained side by side; the one with the lowest SCAN loss is kept, without labels (authors, heads only: 10).', kind: 'int', default: 10, min: 1, max: 20 },
  { key: 'entropyWeight', label: 'Entropy weight λ', help: 'Weight of the entropy of the mean assignment in Eq. 2; keeps clusters in use (paper: 5).', kind: 'float', default: 5, min: 0, max: 50 },
  { key: 'scanEpochs', label: 'SCAN epochs', help: 'Passes over the data with the SCAN loss; cheap on frozen features (paper: 50–100).', kind: 'int', default: 50, min: 0, max: 500 },
  { key: 'headLr', label: 'Head learning rate', help: 'Adam step size of the heads (the project’s SCAN reference: 0.001).', kind: 'float', default: 1e-3, min: 1e-6, max: 1e-1, log: true },
  { key: 'batchSize', label: 'Batch size', help: 'Anchors per step, each with one mined neighbour (authors: 128–512).', kind: 'int', default: 256, min: 8, max: 4096 },
  { key: 'selfLabelEpochs', label: 'Self-label epochs', help: 'Passes fine-tuning the kept head on its confident predictions (0 skips the step).', kind: 'int', default: 10, min: 0, max: 500 },
  { key: 'selfLabelLr', label: 'Self-label learning rate', help: 'Adam step size of the head in self-labelling (paper: 0.0001).', kind: 'float', default: 1e-4, min: 1e-6, max: 1e-1, log: true },
  { key: 'threshold', label: 'Confidence threshold', help: 'A row assigned above this probability becomes a pseudo-label (paper: 0.99).', kind: 'float', default: 0.99, min: 0.5, max: 0.9999 },
] as const satisfies readonly ParamSpec[];

/**
 * Every head as one dense layer (1,280 → heads·k): one product per step instead of one per head
 * (each product's transposes dominate a step on WASM); initialised head by head, so each head
 * starts as a separate linear head would.
 */
interface Heads {
  apply(x: tf.Tensor2D): tf.Tensor2D;
  /** The heads' logits (each r × k) from `apply`'s r × heads·k. */
  split(logits: tf.Tensor2D): tf.Tensor2D[];
  variables(): tf.Variable[];
  dispose(): void;
}

function createHeads(count: number, k: number, rng: Rng): Heads {
  const separate: Dense[] = Array.from({ length: count }, () => createDense(FEATURE_DIM, k, rng));
  const kernel = tf.tidy(() => tf.variable(tf.concat(separate.map((h) => h.kernel), 1) as tf.Tensor2D));
  const bias = tf.tidy(() => tf.variable(tf.concat(separate.map((h) => h.bias)) as tf.Tensor1D));
  separate.forEach((h) => h.dispose());
  return {
    apply: (x) => denseForward(x, kernel, bias),
    split: (logits) => tf.split(logits, count, 1) as tf.Tensor2D[],
    variables: () => [kernel, bias],
    dispose: () => {
      kernel.dispose();
      bias.dispose();
    },
  };
}

/** SCAN's weight decay (authors' configs), with Adam's ε as PyTorch's. */
const WEIGHT_DECAY = 1e-4;

export const backboneScan = defineMethod({
  id: 'backbone-scan',
  name: 'Pretrained backbone + SCAN',
  family: 'external',
  paper: 'SCAN: Van Gansbeke et al., ECCV 2020, on a frozen MobileNetV2 (Sandler et al., CVPR 2018; weights: nsfwjs 4.4.0)',
  summary: 'SCAN with a pretrained MobileNetV2 (ImageNet photos, then NSFW classes) as its pretext: neighbours mined in its frozen features, cluster heads trained so neighbours agree.',
  card: {
    equation: 'Λ = −(1/|D|) Σ_X Σ_{k∈N_X} log ⟨Φ(f(X)), Φ(f(k))⟩ + λ Σ_c Φ′_c log Φ′_c   (SCAN Eq. 2, f frozen)',
    steps: [
      'Pass every image through the frozen MobileNetV2 once (cached) and mine its 20 nearest neighbours in those features.',
      'Train linear cluster heads on the features so an image and its neighbours get the same cluster, every cluster in use.',
      'Keep the head with the lowest loss; sharpen it on its own predictions above 0.99.',
    ],
    failureMode:
      'Neighbours are only as good as the backbone: on photos like its training images most neighbours share a class, but on MNIST digits many do not, and SCAN then makes those mistakes confident.',
  },
  params: PARAMS,
  presets: { quick: { inputSize: '96', scanEpochs: 30, selfLabelEpochs: 5 }, paper: { inputSize: '224' } },
  create(ctx) {
    const p = ctx.params;
    const features = backboneFeatures(ctx, 'Pretrained backbone + SCAN');
    const headRng = ctx.rng.fork();
    const pickRng = ctx.rng.fork();
    const heads = createHeads(p.heads, ctx.k, headRng);
    const batchSize = Math.min(p.batchSize, ctx.n);
    const stepsPerEpoch = epochSteps(ctx.n, batchSize, 1);
    const K = Math.min(p.neighbours, ctx.n - 1);

    let mined: Neighbours | null = null;
    /** Row i's neighbours at [i·K, (i+1)·K), on the device. */
    let minedIds: tf.Tensor1D | null = null;
    /** The kept head; null until the SCAN step has begun. */
    let best: number | null = null;

    /** Index of the head with the lowest SCAN loss on all the data (the authors' choice). */
    const selectHead = (): Promise<number> =>
      lowestLossHead(() => heads.split(mapRows(features.all()!, (rows) => heads.apply(rows))).map((l) => tf.softmax(l) as tf.Tensor2D), mined!, p.entropyWeight);

    const mine: Phase = {
      id: 'mine',
      label: `mine ${K} nearest neighbours (cosine, backbone features)`,
      steps: 0,
      batchSize,
      begin: async () => {
        mined = await mineNeighbours(features.all()!, { k: K });
        minedIds?.dispose();
        minedIds = tf.tensor1d(mined.indices, 'int32');
      },
    };

    const scanPhase: Phase = {
      id: 'scan',
      label: `SCAN (${p.heads} heads on frozen features: neighbours agree, clusters balanced)`,
      steps: p.scanEpochs * stepsPerEpoch,
      batchSize,
      optimizer: { kind: 'adam', learningRate: p.headLr, epsilon: 1e-8, weightDecay: WEIGHT_DECAY },
      variables: () => heads.variables(),
      // Once an epoch (and before step 0): which head is kept so far, for the snapshots.
      checkEvery: stepsPerEpoch,
      check: async () => {
        best = await selectHead();
        return false;
      },
      // The batch's pixels are not used: the features stand for them (rows by index).
      loss: (_batch, indices) => {
        if (!minedIds) throw new Error('Pretrained backbone + SCAN: no mined neighbours (the mine phase has not run)');
        const f = features.all()!;
        const b = indices.shape[0];
        const neighbourIds = randomMinedNeighbour(minedIds, indices, K, pickRng);
        // Anchors and neighbours in one gather and one product through all heads at once.
        const logits = heads.apply(tf.gather(f, tf.concat([indices, neighbourIds])) as tf.Tensor2D);
        const la = heads.split(tf.slice(logits, [0, 0], [b, -1]));
        const ln = heads.split(tf.slice(logits, [b, 0], [b, -1]));
        return scanHeadsLoss(la, ln, p.entropyWeight);
      },
    };

    const selfLabel: Phase = {
      id: 'selflabel',
      label: `self-label (confidence > ${p.threshold}, class-balanced)`,
      steps: p.selfLabelEpochs * stepsPerEpoch,
      batchSize,
      optimizer: { kind: 'adam', learningRate: p.selfLabelLr, epsilon: 1e-8, weightDecay: WEIGHT_DECAY },
      begin: async () => {
        best = await selectHead();
      },
      // All heads' weights, but only the kept head's columns get a gradient from the loss.
      variables: () => heads.variables(),
      loss: (_batch, indices) => {
        const kept = (rows: tf.Tensor2D): tf.Tensor2D => heads.split(heads.apply(rows))[best ?? 0];
        const rowsOf = tf.gather(features.all()!, indices) as tf.Tensor2D;
        const logits = kept(rowsOf);
        // Targets from the same (frozen) features, without gradient.
        const targets = noGrad((rows) => tf.softmax(kept(rows)), rowsOf);
        const { total, confident } = selfLabelLoss(targets, logits, p.threshold);
        return { total, parts: { crossEntropy: total, confident } };
      },
    };

    // A run with no SCAN epochs still picks a head (before its last phase's snapshot).
    const phases = [features.phase, mine, scanPhase, ...(p.selfLabelEpochs > 0 ? [selfLabel] : [])];
    if (p.scanEpochs === 0 && p.selfLabelEpochs === 0) scanPhase.begin = async () => void (best = await selectHead());
    return {
      phases,
      embed: (x, rows) => features.of(x, rows),
      assign: (x, rows) => {
        const kept = best;
        if (kept === null) return null;
        return tf.tidy(() => tf.softmax(heads.split(heads.apply(features.of(x, rows)))[kept]));
      },
      neighbours: () => mined,
      dispose: () => {
        features.dispose();
        heads.dispose();
        minedIds?.dispose();
      },
    };
  },
});

/**
 * SCAN — Van Gansbeke, Vandenhende, Georgoulis, Proesmans & Van Gool, "SCAN: Learning to Classify
 * Images without Labels", ECCV 2020. Each step of the paper is a phase:
 *  1. pretext — SimCLR (§3.1; simclrPretext.ts), the same phase and settings as SimCLR + k-means,
 *     so the two methods share one pretraining;
 *  2. mine — the K = 20 nearest neighbours N_X of every image by cosine similarity of its
 *     L2-normalised features h (§3.1; cluster/knn.ts);
 *  3. scan — heads Φ (linear, h → k, softmax) trained with the SCAN loss (Eq. 2; scanLoss.ts) on
 *     strongly augmented anchors and one random mined neighbour each, the backbone fine-tuned with
 *     them; of several heads the one with the lowest loss on the clean data is kept (label-free);
 *  4. selflabel — fine-tune backbone + kept head on its own confident predictions (§3.2;
 *     selfLabelLoss.ts): threshold 0.99 on a weak view, class-balanced cross-entropy on a strong one.
 *
 * Defaults and their sources: K = 20, entropy weight λ = 5, Adam 10⁻⁴ with weight decay 10⁻⁴,
 * threshold 0.99 (paper §4.1 and the authors' configs, configs/scan/*.yml, selflabel/*.yml); heads
 * 5, head learning rate 10⁻³ against 10⁻⁴ for the backbone, batch 256, 10 SCAN and 10 self-label
 * epochs — the project's PyTorch reference (scan_ref.py: on MNIST-10k with its CNN, 20 pretext
 * epochs, neighbour accuracy 0.964, SCAN 0.963, self-label 0.963).
 * Deviations: the heads sit on h (the reference's 128-d feature) rather than a ResNet's 512-d;
 * self-labelling runs the strong view of the whole batch through the network and gives the
 * unconfident rows weight 0 (the reference forwards only the confident rows, so its batch-norm
 * statistics come from fewer rows; a tfjs step cannot have a data-dependent shape), and a batch
 * with no confident row still takes a (zero-gradient) step, so weight decay applies.
 */
import * as tf from '@tensorflow/tfjs';
import { mineNeighbours, type Neighbours } from '../cluster/knn';
import { mapRows } from '../nn/autoencoder';
import { createDense, type Dense } from '../nn/dense';
import { noGrad } from '../nn/stopGradient';
import { lowestLossHead, randomMinedNeighbour, scanHeadsLoss } from './scanLoss';
import { selfLabelLoss } from './selfLabelLoss';
import { createPretext, epochSteps, PRETEXT_PARAMS, PRETEXT_PRESETS } from './simclrPretext';
import { defineMethod, type Phase, type ParamSpec } from './types';

const SCAN_PARAMS = [
  ...PRETEXT_PARAMS,
  { key: 'neighbours', label: 'Neighbours K', help: 'Nearest neighbours mined per image in the pretext features (paper: 20).', kind: 'int', default: 20, min: 1, max: 200 },
  { key: 'heads', label: 'Clustering heads', help: 'Heads trained side by side; the one with the lowest SCAN loss is kept, without labels (reference: 5).', kind: 'int', default: 5, min: 1, max: 20 },
  { key: 'entropyWeight', label: 'Entropy weight λ', help: 'Weight of the entropy of the mean assignment in Eq. 2; keeps clusters in use (paper: 5).', kind: 'float', default: 5, min: 0, max: 50 },
  { key: 'scanEpochs', label: 'SCAN epochs', help: 'Passes over the data with the SCAN loss (reference: 10; paper on CIFAR: 50–100).', kind: 'int', default: 10, min: 0, max: 500 },
  { key: 'scanLr', label: 'SCAN backbone learning rate', help: 'Adam step size of the backbone in the SCAN step (paper: 0.0001).', kind: 'float', default: 1e-4, min: 1e-6, max: 1e-1, log: true },
  { key: 'headLr', label: 'SCAN head learning rate', help: 'Adam step size of the heads in the SCAN step (reference: 0.001).', kind: 'float', default: 1e-3, min: 1e-6, max: 1e-1, log: true },
  { key: 'selfLabelEpochs', label: 'Self-label epochs', help: 'Passes over the data fine-tuning on confident predictions (reference: 10; 0 skips the step).', kind: 'int', default: 10, min: 0, max: 500 },
  { key: 'selfLabelLr', label: 'Self-label learning rate', help: 'Adam step size of backbone and head in self-labelling (paper: 0.0001).', kind: 'float', default: 1e-4, min: 1e-6, max: 1e-1, log: true },
  { key: 'threshold', label: 'Confidence threshold', help: 'A weak view assigned above this probability becomes a pseudo-label (paper: 0.99).', kind: 'float', default: 0.99, min: 0.5, max: 0.9999 },
] as const satisfies readonly ParamSpec[];

/** Adam as PyTorch's (ε 10⁻⁸) with SCAN's weight decay of 10⁻⁴. */
const WEIGHT_DECAY = 1e-4;

export const scan = defineMethod({
  id: 'scan',
  name: 'SCAN',
  family: 'neighborhood',
  paper: 'Van Gansbeke, Vandenhende, Georgoulis, Proesmans & Van Gool, ECCV 2020',
  summary: 'Mine each image’s nearest neighbours in SimCLR features, train a classifier that gives neighbours the same cluster, then fine-tune it on its own confident predictions.',
  card: {
    equation: 'Λ = −(1/|D|) Σ_X Σ_{k∈N_X} log ⟨Φ(X), Φ(k)⟩ + λ Σ_c Φ′_c log Φ′_c   (Eq. 2)',
    steps: [
      'Learn features with SimCLR and mine every image’s 20 nearest neighbours in them.',
      'Train clustering heads so an image and its neighbours get the same cluster, while every cluster stays in use.',
      'Self-label: predictions above 0.99 on a weak view become targets for a strong view.',
    ],
    failureMode: 'Neighbours from another class (4/9, 3/5 in weak features) are pulled into one cluster; self-labelling then makes those confident mistakes firmer rather than fixing them.',
  },
  params: SCAN_PARAMS,
  presets: { paper: { ...PRETEXT_PRESETS.paper }, quick: { ...PRETEXT_PRESETS.quick } },
  create(ctx) {
    const p = ctx.params;
    const pretext = createPretext(ctx);
    const { backbone, views } = pretext;
    const headRng = ctx.rng.fork();
    const heads: Dense[] = Array.from({ length: p.heads }, () => createDense(p.featureDim, ctx.k, headRng));
    const pickRng = ctx.rng.fork();
    const batchSize = pretext.phase.batchSize;
    const stepsPerEpoch = epochSteps(ctx.n, batchSize, 1);
    const K = Math.min(p.neighbours, ctx.n - 1);

    let mined: Neighbours | null = null;
    /** Row i's neighbours at [i·K, (i+1)·K), on the device for the SCAN step. */
    let minedIds: tf.Tensor1D | null = null;
    /** The kept head; null until the SCAN step has begun. */
    let best: number | null = null;

    const probabilities = (head: Dense, rows: tf.Tensor2D): tf.Tensor2D => tf.softmax(head.apply(backbone.apply(rows, false)));

    /** Index of the head with the lowest SCAN loss on the clean data (the authors' choice). */
    const selectHead = (): Promise<number> =>
      lowestLossHead(
        () => {
          const h = mapRows(ctx.x, (rows) => backbone.apply(rows, false));
          return heads.map((head) => tf.softmax(head.apply(h)) as tf.Tensor2D);
        },
        mined!,
        p.entropyWeight,
      );

    const mine: Phase = {
      id: 'mine',
      label: `mine ${K} nearest neighbours (cosine, SimCLR features)`,
      steps: 0,
      batchSize,
      begin: async () => {
        const h = pretext.features(ctx.x);
        try {
          mined = await mineNeighbours(h, { k: K });
        } finally {
          h.dispose();
        }
        minedIds?.dispose();
        minedIds = tf.tensor1d(mined.indices, 'int32');
      },
    };

    const scanPhase: Phase = {
      id: 'scan',
      label: `SCAN (${p.heads} heads: neighbours agree, clusters balanced)`,
      steps: p.scanEpochs * stepsPerEpoch,
      batchSize,
      optimizer: {
        kind: 'adam',
        learningRate: p.scanLr,
        epsilon: 1e-8,
        weightDecay: WEIGHT_DECAY,
        groups: [{ variables: () => heads.flatMap((h) => h.variables()), learningRate: p.headLr, weightDecay: WEIGHT_DECAY }],
      },
      variables: () => [...backbone.variables(), ...heads.flatMap((h) => h.variables())],
      // Once an epoch (and before step 0): which head is kept so far, for the snapshots.
      checkEvery: stepsPerEpoch,
      check: async () => {
        best = await selectHead();
        return false;
      },
      loss: (batch, indices) => {
        if (!minedIds) throw new Error('SCAN: no mined neighbours (the mine phase has not run)');
        const b = batch.shape[0];
        const neighbourRows = tf.gather(ctx.x, randomMinedNeighbour(minedIds, indices, K, pickRng)) as tf.Tensor2D;
        // Anchors and neighbours through the backbone as one batch (one set of batch-norm statistics).
        const h = backbone.apply(tf.concat([views.view(batch, 'strong'), views.view(neighbourRows, 'strong')], 0), true);
        const ha = tf.slice(h, [0, 0], [b, -1]);
        const hn = tf.slice(h, [b, 0], [b, -1]);
        return scanHeadsLoss(heads.map((head) => head.apply(ha)), heads.map((head) => head.apply(hn)), p.entropyWeight);
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
      variables: () => [...backbone.variables(), ...heads[best ?? 0].variables()],
      loss: (batch) => {
        const head = heads[best ?? 0];
        // Pseudo-labels from a weak view, in training mode as the authors' code, with no gradient.
        const weak = noGrad((rows) => tf.softmax(head.apply(backbone.apply(rows, true))), views.view(batch, 'weak'));
        const strongLogits = head.apply(backbone.apply(views.view(batch, 'strong'), true));
        const { total, confident } = selfLabelLoss(weak, strongLogits, p.threshold);
        return { total, parts: { crossEntropy: total, confident } };
      },
    };

    return {
      phases: [pretext.phase, mine, scanPhase, selfLabel],
      embed: pretext.features,
      assign: (x) => {
        const kept = best;
        return kept === null ? null : mapRows(x, (rows) => probabilities(heads[kept], rows));
      },
      encoder: backbone,
      neighbours: () => mined,
      dispose: () => {
        pretext.dispose();
        heads.forEach((h) => h.dispose());
        minedIds?.dispose();
      },
    };
  },
});

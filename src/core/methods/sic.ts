/**
 * SIC — Cai, Qiao, Zhou, Liu & Chen, "Semantic-Enhanced Image Clustering", AAAI 2023. CLIP
 * embeds images and words in one space; SIC clusters images with the help of that semantic space:
 *  1. semantic centres — text embeddings of candidate class names in a prompt; each image's
 *     pseudo-label is its nearest centre, p(c | v) = softmax_c(cos(v, t_c)/τ) (image-to-semantic
 *     assignment, §3.2; textGuidance.ts);
 *  2. neighbours — the K nearest images of every image in CLIP's image space (as SCAN);
 *  3. a cluster head Φ on the frozen image embeddings trained with
 *       L = L_nc + μ·L_pl − λ·H(Φ′)
 *     L_nc: neighbour consistency, −log ⟨Φ(v), Φ(v_j)⟩ for a mined neighbour j (SCAN's Eq. 2,
 *     scanLoss.ts); L_pl: cross-entropy with the pseudo-labels of the confident images; H(Φ′):
 *     entropy of the mean assignment, keeping every cluster in use.
 * Simplifications, said plainly: SIC builds its semantic space from WordNet nouns near the image
 * centres; here the user's class names are the semantic centres (so k = number of names). SIC's
 * image–semantic consistency and its confidence rule are replaced by the most confident share of
 * each pseudo-class (confidentPerClass). Only the head trains (CLIP stays frozen, as in SIC).
 * Defaults: K = 20, λ = 5 and Adam with weight decay 10⁻⁴ from SCAN's configs (SIC's code forks
 * SCAN's); τ = 0.01, CLIP's learned logit scale of 100; head learning rate 10⁻³ as the project's
 * SCAN heads; share 0.5, μ = 1 and the epochs are this project's choices.
 */
import * as tf from '@tensorflow/tfjs';
import { mineNeighbours, type Neighbours } from '../cluster/knn';
import { confidentPerClass, textPseudoLabels } from '../external/textGuidance';
import { createDense, type Dense } from '../nn/dense';
import { cleanNames, clipInputs, featureRows, PROMPT_PARAM, type ClipInputs } from './clipInputs';
import { randomMinedNeighbour, scanLoss } from './scanLoss';
import { epochSteps } from './simclrPretext';
import { defineMethod, type Phase, type ParamSpec } from './types';

const SIC_PARAMS = [
  PROMPT_PARAM,
  { key: 'temperature', label: 'Temperature τ', help: 'Softmax temperature of image–text similarities for the pseudo-labels (CLIP’s logit scale 100: 0.01).', kind: 'float', default: 0.01, min: 0.001, max: 1, log: true },
  { key: 'confidentShare', label: 'Confident share', help: 'Share of each pseudo-class, most confident first, trained with its pseudo-label.', kind: 'float', default: 0.5, min: 0.05, max: 1 },
  { key: 'pseudoWeight', label: 'Pseudo-label weight μ', help: 'Weight of the cross-entropy with the text pseudo-labels.', kind: 'float', default: 1, min: 0, max: 10 },
  { key: 'neighbours', label: 'Neighbours K', help: 'Nearest neighbours mined per image in CLIP’s image space (SCAN: 20).', kind: 'int', default: 20, min: 1, max: 200 },
  { key: 'entropyWeight', label: 'Entropy weight λ', help: 'Weight of the entropy of the mean assignment (SCAN: 5).', kind: 'float', default: 5, min: 0, max: 50 },
  { key: 'epochs', label: 'Epochs', help: 'Passes over the data training the cluster head.', kind: 'int', default: 20, min: 1, max: 500 },
  { key: 'lr', label: 'Learning rate', help: 'Adam step size of the head (the project’s SCAN heads: 0.001).', kind: 'float', default: 1e-3, min: 1e-6, max: 1e-1, log: true },
  { key: 'batchSize', label: 'Batch size', help: 'Images per step.', kind: 'int', default: 256, min: 8, max: 4096 },
] as const satisfies readonly ParamSpec[];

export const sic = defineMethod({
  id: 'sic',
  name: 'SIC (CLIP)',
  family: 'external',
  visionLanguage: true,
  paper: 'Cai, Qiao, Zhou, Liu & Chen, AAAI 2023',
  summary: 'Class names you type become CLIP text centres; images get the nearest one as a pseudo-label, and a cluster head learns from the confident ones and from image neighbours.',
  card: {
    equation: 'L = −log ⟨Φ(v), Φ(v_j)⟩ + μ·CE(Φ(v), argmax_c cos(v, t_c)) − λ·H(Φ′)   (SCAN Eq. 2 + semantic pseudo-labels)',
    steps: [
      'Embed the images and the class names with CLIP: one space for both.',
      'Give each image its nearest class name as a pseudo-label; keep the most confident half of each class.',
      'Train a head so neighbours agree, confident images match their names, and every cluster stays in use.',
    ],
    failureMode: 'Only as good as the names and CLIP’s idea of them: on handwritten digits CLIP reads “a photo of a seven” poorly, and wrong names make confident wrong labels.',
  },
  params: SIC_PARAMS,
  presets: { quick: { epochs: 5 } },
  create(ctx) {
    const p = ctx.params;
    const headRng = ctx.rng.fork();
    const pickRng = ctx.rng.fork();
    const batchSize = Math.min(p.batchSize, ctx.n);
    const K = Math.min(p.neighbours, ctx.n - 1);
    let inputs: ClipInputs | null = null;
    let head: Dense | null = null;
    let mined: Neighbours | null = null;
    let minedIds: tf.Tensor1D | null = null;
    let targets: tf.Tensor1D | null = null;
    let weights: tf.Tensor1D | null = null;

    const prepare: Phase = {
      id: 'clip',
      label: 'CLIP: image features, class-name centres, pseudo-labels, neighbours',
      steps: 0,
      batchSize,
      begin: async () => {
        const names = cleanNames(ctx.external?.classNames);
        if (names.length === 0) throw new Error('SIC needs class names: type the names of the classes you expect (e.g. “zero, one, …, nine”) in the CLIP panel, or pick a list.');
        if (names.length !== ctx.k) throw new Error(`SIC: ${names.length} class names for k = ${ctx.k} clusters — give one name per cluster, or set k to ${names.length}.`);
        inputs = await clipInputs(ctx, 'SIC', names, p.prompt);
        const pseudo = textPseudoLabels(inputs.hostFeatures, inputs.texts, inputs.dim, p.temperature);
        targets = tf.tensor1d(pseudo.labels, 'int32');
        weights = tf.tensor1d(confidentPerClass(pseudo, ctx.k, p.confidentShare));
        mined = await mineNeighbours(inputs.features, { k: K });
        minedIds = tf.tensor1d(mined.indices, 'int32');
        head = createDense(inputs.dim, ctx.k, headRng);
      },
    };

    const train: Phase = {
      id: 'head',
      label: 'cluster head (neighbours agree, confident pseudo-labels, balanced clusters)',
      steps: epochSteps(ctx.n, batchSize, p.epochs),
      batchSize,
      optimizer: { kind: 'adam', learningRate: p.lr, epsilon: 1e-8, weightDecay: 1e-4 },
      variables: () => head?.variables() ?? [],
      loss: (_batch, indices) => {
        if (!inputs || !head || !minedIds || !targets || !weights) throw new Error('SIC: the CLIP phase has not run');
        const anchors = tf.gather(inputs.features, indices) as tf.Tensor2D;
        const neighbours = tf.gather(inputs.features, randomMinedNeighbour(minedIds, indices, K, pickRng)) as tf.Tensor2D;
        const logits = head.apply(anchors);
        const scan = scanLoss(logits, head.apply(neighbours), p.entropyWeight);
        const w = tf.gather(weights, indices);
        const perRow = tf.neg(tf.sum(tf.mul(tf.oneHot(tf.gather(targets, indices), ctx.k), tf.logSoftmax(logits)), 1));
        const pseudoLabel = tf.div(tf.sum(tf.mul(w, perRow)), tf.maximum(tf.sum(w), 1)) as tf.Scalar;
        const total = tf.add(scan.total, tf.mul(pseudoLabel, p.pseudoWeight)) as tf.Scalar;
        return { total, parts: { consistency: scan.consistency, pseudoLabel, entropy: scan.entropy } };
      },
    };

    return {
      phases: [prepare, train],
      embed: (x, rows) => (inputs ? featureRows(inputs, x, rows, 'SIC') : x.clone()),
      assign: (x, rows) => {
        const h = head;
        const fi = inputs;
        return h && fi ? tf.tidy(() => tf.softmax(h.apply(featureRows(fi, x, rows, 'SIC'))) as tf.Tensor2D) : null;
      },
      neighbours: () => mined,
      dispose: () => {
        inputs?.features.dispose();
        head?.dispose();
        tf.dispose([minedIds, targets, weights].filter((t): t is tf.Tensor1D => t !== null));
      },
    };
  },
});

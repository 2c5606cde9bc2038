/**
 * IIC — Invariant Information Clustering. Ji, Henriques & Vedaldi, "Invariant Information
 * Clustering for Unsupervised Image Classification and Segmentation", ICCV 2019.
 *
 * A network Φ ends in a softmax over k clusters; for a point x and an augmented view x′ it
 * maximises the mutual information of their clusters (§3.1, iicLoss.ts):
 *   Eq. 3  P = (1/n) Σᵢ Φ(xᵢ) Φ(x′ᵢ)ᵀ, symmetrised (P + Pᵀ)/2
 *   Eq. 2  I(z, z′) = Σ P_cc′ log(P_cc′ / (P_c P_c′))
 *   Eq. 1  max I — high when both views land in the same cluster and all k clusters are used, so
 *          the objective itself rules out the one-cluster collapse (no entropy term to tune).
 * Two heads share the trunk (§3.3, "auxiliary over-clustering"): the main head with k outputs and
 * an over-clustering head with more (the authors' MNIST run: 50 for k = 10), each made of several
 * sub-heads whose losses are averaged (5, §3.3: "robustness to initialisation"). The heads take
 * turns by epochs: the main head for 2 epochs, then the over-clustering head for 1 (the authors'
 * code, cluster_greyscale_twohead.py: heads "B" then "A", head_B_epochs 2). The clustering shown
 * is the main head's sub-head with the lowest loss — label-free, as the paper's Table 1 selects it.
 *
 * Defaults and their sources (the authors' code, xu-ji/IIC, examples/commands.txt, MNIST model 685:
 * ClusterNet6cTwoHead, output_k_A 50, output_k_B 10, lamb 1.0, Adam lr 10⁻⁴, batch 700 pairs = 140
 * images × 5 augmentations of each ('num_dataloaders'), 5 sub-heads, head_B_epochs 2, 3,200 epochs).
 * λ ('lamb', IID_losses.py) weights the marginals' terms; their MNIST runs use λ = 1, the plain
 * mutual information, and so do we by default.
 * Deviations:
 *  - the trunk is an MLP with batch norm (backbone.ts), not their VGG-style convnet;
 *  - augmentations: the first view takes the weak preset, the second the strong one
 *    (augmentationViews.ts), instead of their crops of 20 / 16–24 pixels resized to 24, rotation
 *    ±25° with probability ½ and colour jitter; on vector data, Gaussian noise;
 *  - an inactive head is not frozen: as in their code (PyTorch of 2019, whose zero_grad() zeroed the
 *    gradients and Adam stepped every parameter), it gets zero gradients, so Adam's moments decay
 *    and its weights drift a little — here by adding 0 × its loss to the active head's;
 *  - the best sub-head is chosen from a running mean of each sub-head's training loss (about one
 *    epoch long) rather than a separate pass over the data at evaluation time: nothing is read back;
 *  - 'quick' trains far fewer epochs with a larger learning rate (see the preset).
 */
import * as tf from '@tensorflow/tfjs';
import { createDense, type Dense } from '../nn/dense';
import { mapRows } from '../nn/autoencoder';
import { backboneParams, widthLayersBackbone } from './backbone';
import { augmentedView, VIEW_PAIRS, viewStrengths } from './augmentationViews';
import { iicLoss } from './iicLoss';
import { defineMethod, type MethodContext, type MethodRun, type ParamsOf, type Phase, type StepLosses } from './types';

const IIC_PARAMS = [
  ...backboneParams(1200, 2),
  { key: 'subHeads', label: 'Sub-heads', help: 'Heads of each kind trained side by side on the same trunk; the main one with the lowest loss gives the clusters (authors: 5).', kind: 'int', default: 5, min: 1, max: 10 },
  { key: 'overclustering', label: 'Over-clustering factor', help: 'The auxiliary head has this many times k outputs (authors on MNIST: 5, i.e. 50 for 10 digits); 0 trains the main head alone.', kind: 'int', default: 5, min: 0, max: 20 },
  { key: 'mainEpochs', label: 'Main-head epochs per turn', help: 'Epochs the main (k-way) head trains before the over-clustering head takes its turn (authors on MNIST: 2).', kind: 'int', default: 2, min: 1, max: 20 },
  { key: 'overEpochs', label: 'Over-clustering epochs per turn', help: 'Epochs the over-clustering head trains in its turn (authors: 1).', kind: 'int', default: 1, min: 1, max: 20 },
  { key: 'lambda', label: 'Marginal weight λ', help: "Weight of the marginals' log terms in −Σ P (log P − λ log Pᵢ − λ log Pⱼ); 1 is the mutual information itself (authors on MNIST: 1).", kind: 'float', default: 1, min: 0.5, max: 3 },
  { key: 'repeats', label: 'Views per image', help: 'Each image of a batch is paired with this many augmented views in the same step (authors: 5).', kind: 'int', default: 5, min: 1, max: 10 },
  { key: 'views', label: 'Views', help: 'Augmentation presets of the two views (weak: small affine maps; strong: larger ones plus jitter, noise and cutout; authors: a crop of the image against a rotated, cropped, colour-jittered one).', kind: 'enum', default: 'weak+strong', options: VIEW_PAIRS },
  { key: 'batchSize', label: 'Images per batch', help: 'Images per step; the step sees images × views-per-image pairs (authors: 140 × 5 = 700 pairs).', kind: 'int', default: 140, min: 8, max: 2048 },
  { key: 'epochs', label: 'Epochs', help: 'Passes over the data, main and over-clustering turns together (authors on MNIST: 3,200).', kind: 'int', default: 3200, min: 1, max: 10000 },
  { key: 'lr', label: 'Learning rate', help: 'Adam step size (authors: 0.0001).', kind: 'float', default: 1e-4, min: 1e-5, max: 1e-2, log: true },
] as const;

type IicParams = ParamsOf<typeof IIC_PARAMS>;

/** Linear sub-heads on the trunk's features, each followed by a softmax. */
function createHeads(count: number, inDim: number, k: number, rng: MethodContext['rng']): Dense[] {
  return Array.from({ length: count }, () => createDense(inDim, k, rng));
}

function create(ctx: MethodContext<IicParams>): MethodRun {
  const p = ctx.params;
  const trunk = widthLayersBackbone(ctx.dim, ctx.image, p, ctx.rng.fork());
  const headRng = ctx.rng.fork();
  const main = createHeads(p.subHeads, trunk.outDim, ctx.k, headRng);
  const over = p.overclustering > 0 ? createHeads(p.subHeads, trunk.outDim, p.overclustering * ctx.k, headRng) : [];
  const viewRng = ctx.rng.fork();
  const [first, second] = viewStrengths(p.views);
  const batch = Math.min(p.batchSize, ctx.n);
  const stepsPerEpoch = Math.max(1, Math.round(ctx.n / batch));
  const turn = over.length > 0 ? p.mainEpochs + p.overEpochs : p.mainEpochs;
  // Running mean of each main sub-head's loss over about one epoch of steps, on the device. Every
  // sub-head's mean starts at 0 and decays alike, so its argmin needs no bias correction.
  const decay = 1 - 1 / stepsPerEpoch;
  const mainLoss = tf.tidy(() => tf.variable(tf.zeros([main.length]), false, undefined, 'float32'));

  /** Whether the over-clustering head trains at this step (its turn comes after the main head's). */
  const overTurn = (step: number): boolean => over.length > 0 && Math.floor(step / stepsPerEpoch) % turn >= p.mainEpochs;

  /** Soft assignment of the main sub-head whose running loss is lowest. */
  const bestMain = (x: tf.Tensor2D): tf.Tensor2D => {
    const features = trunk.apply(x);
    const all = tf.stack(main.map((h) => tf.softmax(h.apply(features)))); // subHeads × r × k
    const best = tf.argMin(mainLoss).reshape([1]);
    return tf.gather(all, best).squeeze([0]) as tf.Tensor2D;
  };

  const train: Phase = {
    id: 'iic',
    label: 'IIC (mutual information of two views’ clusters)',
    steps: p.epochs * stepsPerEpoch,
    batchSize: batch,
    optimizer: { kind: 'adam', learningRate: p.lr },
    variables: () => [...trunk.variables(), ...main.flatMap((h) => h.variables()), ...over.flatMap((h) => h.variables())],
    loss: (rows, _indices, step): StepLosses => {
      const images = p.repeats > 1 ? (tf.tile(rows, [p.repeats, 1]) as tf.Tensor2D) : rows;
      // Each view through the network on its own, as the authors' code: batch norm sees each view's statistics.
      const f1 = trunk.apply(augmentedView(images, ctx.image, first, viewRng), true);
      const f2 = trunk.apply(augmentedView(images, ctx.image, second, viewRng), true);
      const headLosses = (heads: Dense[]): tf.Scalar[] => heads.map((h) => iicLoss(tf.softmax(h.apply(f1)), tf.softmax(h.apply(f2)), p.lambda));
      const mainLosses = headLosses(main);
      const mainMean = tf.mean(tf.stack(mainLosses)) as tf.Scalar;
      mainLoss.assign(tf.add(tf.mul(mainLoss, decay), tf.mul(tf.stack(mainLosses), 1 - decay)));
      if (over.length === 0) return { total: mainMean, parts: { main: mainMean } };
      const overMean = tf.mean(tf.stack(headLosses(over))) as tf.Scalar;
      // The resting head gets zero gradients (see the file comment), so every variable has one.
      const total = overTurn(step) ? tf.add(overMean, tf.mul(mainMean, 0)) : tf.add(mainMean, tf.mul(overMean, 0));
      return { total: total as tf.Scalar, parts: { main: mainMean, overclustering: overMean } };
    },
  };

  return {
    phases: [train],
    embed: (x) => mapRows(x, bestMain),
    assign: (x) => mapRows(x, bestMain),
    encoder: trunk,
    dispose: () => {
      trunk.dispose();
      [...main, ...over].forEach((h) => h.dispose());
      mainLoss.dispose();
    },
  };
}

export const iic = defineMethod({
  id: 'iic',
  name: 'IIC',
  family: 'augmentation',
  paper: 'Ji, Henriques & Vedaldi, ICCV 2019',
  summary: 'Maximise the mutual information between the clusters of an image and of its augmented view; an over-clustering head and several sub-heads share the network.',
  card: {
    equation: 'max I(z, z′) = Σ P_cc′ log(P_cc′ / (P_c P_c′)),  P = (1/n) Σᵢ Φ(xᵢ) Φ(x′ᵢ)ᵀ symmetrised   (Eq. 1–3)',
    steps: [
      'Make two augmented views of every image in the batch and pass both through the network to its softmax heads.',
      'Build the k × k joint distribution of the two views’ clusters and maximise its mutual information.',
      'Alternate the main head with an over-clustering head; the main sub-head with the lowest loss gives the clusters.',
    ],
    failureMode: 'Clusters follow whatever the augmentations leave unchanged: too weak and it groups by stroke thickness or position; with too few samples per batch the joint is noisy and some clusters stay empty.',
  },
  params: IIC_PARAMS,
  presets: {
    paper: {},
    // A CPU budget: a narrower trunk, one view per image, 256 images per step, a 10× larger step
    // size and 40 epochs of 10,000 digits instead of 3,200 of 70,000 (see the README for its ACC).
    quick: { width: 500, repeats: 1, batchSize: 256, lr: 1e-3, epochs: 40 },
  },
  create,
});

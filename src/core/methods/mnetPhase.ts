/**
 * MNet — DCSS phase 2 (Sadeghi & Armanfard, §3.2) as a reusable phase: a K-way softmax head on an
 * encoder's embedding, trained only on the confident pairs of each batch (mnetPairs.ts). The pairs
 * come from the source's soft assignments (the "u-space") for the first T₂ epochs, then from
 * MNet's own outputs (the "q-space"). The final cluster of a point is argmax q.
 *
 * The source is anything with an embedding and soft assignments: DCSS's autoencoder with its
 * fuzzy memberships, or DEC/IDEC/DCN/DKM ("X + MNet", DCSS §4.8.3, see mnetWith.ts).
 * MNet's shape is the authors': e–128–128–K, ReLU, softmax (without their batch norm).
 *
 * What to expect at the quick budget (MNIST-10k, see dcss.ts): the u-space epochs reproduce
 * argmax u on ~95% of the points, at phase 1's ACC; the q-space epochs then sharpen q (mean max
 * 0.88 → 0.99) and moved ACC by +0.025 and +0.020 on two seeds but −0.08 on a third, where
 * self-labelled pairs grew some clusters and shrank others (nothing in the loss balances them; the
 * authors' linear loss with their snapping of q gave the same drift there, ending at 0.650).
 */
import * as tf from '@tensorflow/tfjs';
import { mapRows } from '../nn/autoencoder';
import { createMlp } from '../nn/mlp';
import type { Rng } from '../rng';
import { stopGradient } from './dcssDetach';
import { batchesPerEpoch } from './dcssPhase1';
import { pairSimilarity, pairwiseLoss, selectPairs, PAIR_LOSSES } from './mnetPairs';
import type { MethodContext, ParamSpec, ParamsOf, Phase, PresetsOf } from './types';

export const MNET_HIDDEN = [128, 128] as const;

export const MNET_PARAMS = [
  { key: 'mnetEpochs', label: 'MNet epochs', help: 'Passes over the data training MNet on confident pairs (authors\' code: MaxIter2 = 20).', kind: 'int', default: 20, min: 0, max: 500 },
  { key: 't2', label: 'T₂ (u-space epochs)', help: 'Epochs whose pairs come from the initial soft assignments before MNet\'s own (paper: 5).', kind: 'int', default: 5, min: 0, max: 500 },
  { key: 'zeta', label: 'ζ (similar above)', help: 'A pair is similar when the inner product of its assignment vectors exceeds ζ (paper: 0.8).', kind: 'float', default: 0.8, min: 0, max: 1 },
  { key: 'zetaLow', label: 'Dissimilar below', help: 'A pair is dissimilar when the inner product is below this (paper: 0.2; γ in the authors\' code).', kind: 'float', default: 0.2, min: 0, max: 1 },
  { key: 'mnetLoss', label: 'Pair loss', help: "'bce': binary cross-entropy on q_iᵀq_j (paper); 'linear': 1 − q_iᵀq_j and q_iᵀq_j (authors' code).", kind: 'enum', default: 'bce', options: PAIR_LOSSES },
  { key: 'mnetLr', label: 'MNet learning rate', help: 'Adam step size for MNet (authors\' code: 0.001).', kind: 'float', default: 1e-3, min: 1e-6, max: 1e-1, log: true },
  { key: 'mnetBatchSize', label: 'MNet batch size', help: 'Points per batch; the pairs are all pairs within a batch (authors\' code: 500).', kind: 'int', default: 500, min: 16, max: 2048 },
] as const satisfies readonly ParamSpec[];

export type MNetParams = ParamsOf<typeof MNET_PARAMS>;

export const MNET_PRESETS = {
  paper: { mnetEpochs: 20, t2: 5, mnetBatchSize: 500 },
  // MNet is cheap (~8,000 samples/s): small batches buy the steps it needs. It must imitate the
  // u-space before it labels its own pairs, or the q-space epochs merge clusters. MNIST-10k after
  // the quick phase 1 (ACC 0.707, seed 0): 20/10/100 fits argmax u on 95% of the points by the end
  // of the u-space epochs and ends at ACC 0.731; the paper's 20/5/500 (100 u-space steps) fits 84%,
  // loses a cluster in the q-space and ends at 0.699.
  quick: { mnetEpochs: 20, t2: 10, mnetBatchSize: 100 },
} as const satisfies PresetsOf<typeof MNET_PARAMS>;

/** What MNet is built on. */
export interface MNetSource {
  /** Width of the embedding. */
  embedDim: number;
  /** Embedding of rows: MNet's input. */
  embed(x: tf.Tensor2D): tf.Tensor2D;
  /**
   * Soft assignments (rows sum to 1) of embedded rows z = embed(x): the u-space of the first T₂
   * epochs. Given the embedding, so a step encodes its batch once for both q and u.
   */
  assignEmbedded(z: tf.Tensor2D): tf.Tensor2D;
  /** Encoder variables trained jointly with MNet; none (or absent) keeps the encoder frozen. */
  encoderVariables?(): tf.Variable[];
  /** Called at each epoch boundary of the u-space epochs (DCSS: refresh the centres). */
  refresh?(): Promise<void>;
}

export interface MNetHead {
  phase: Phase;
  /** MNet's q of the rows once the phase has begun, else null. */
  assign(x: tf.Tensor2D): tf.Tensor2D | null;
  dispose(): void;
}

export function mnetPhase(src: MNetSource, ctx: MethodContext<MNetParams>, rng: Rng): MNetHead {
  const p = ctx.params;
  const net = createMlp([src.embedDim, ...MNET_HIDDEN, ctx.k], rng);
  // MNet's input standardised per feature with the statistics of all embeddings at begin(): the
  // authors' MNet starts with batch norm, and the raw embedding's scale is arbitrary.
  let norm: { mean: tf.Tensor; std: tf.Tensor } | null = null;
  const q = (z: tf.Tensor2D): tf.Tensor2D => {
    if (!norm) throw new Error('MNet: used before its phase began');
    return tf.softmax(net.apply(tf.div(tf.sub(z, norm.mean), norm.std) as tf.Tensor2D));
  };
  const { mnetBatchSize: batchSize, t2, zeta, zetaLow } = p;
  const epochSteps = batchesPerEpoch(ctx.n, batchSize);

  const phase: Phase = {
    id: 'mnet',
    label: 'MNet (self-supervision from confident pairs)',
    steps: p.mnetEpochs * epochSteps,
    batchSize,
    optimizer: { kind: 'adam', learningRate: p.mnetLr },
    variables: () => [...net.variables(), ...(src.encoderVariables?.() ?? [])],
    begin: async () => {
      const z = mapRows(ctx.x, src.embed);
      const { mean, variance } = tf.moments(z, 0);
      if (norm) tf.dispose([norm.mean, norm.std]);
      norm = { mean, std: tf.tidy(() => tf.sqrt(tf.add(variance, 1e-8))) };
      tf.dispose([z, variance]);
    },
    checkEvery: epochSteps,
    check: async (step) => {
      const epoch = step / epochSteps;
      if (step > 0 && epoch <= t2 && src.refresh) await src.refresh();
      return false;
    },
    loss: (batch, _indices, step) => {
      const z = src.embed(batch);
      const qb = q(z);
      const inU = Math.floor(step / epochSteps) < t2;
      const s = stopGradient(pairSimilarity(inU ? src.assignEmbedded(z) : qb));
      const masks = selectPairs(s, zeta, zetaLow);
      const pairs = pairwiseLoss(qb, masks, p.mnetLoss);
      return { total: pairs, parts: { pairs } };
    },
  };
  return {
    phase,
    assign: (x) => (norm ? mapRows(x, (rows) => q(src.embed(rows))) : null),
    dispose: () => {
      net.dispose();
      if (norm) tf.dispose([norm.mean, norm.std]);
    },
  };
}

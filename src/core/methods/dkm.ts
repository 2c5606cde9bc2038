/**
 * DKM — Deep k-Means. Fard, Thonet & Gaussier, "Deep k-Means: Jointly clustering with k-Means and
 * learning representations", Pattern Recognition Letters 138, 2020.
 *
 * Structure prior, like DCN, but with a differentiable k-means: the assignment is a softmax
 * parameterised by an inverse temperature α, and the cluster representatives r_k are trained by
 * the same gradient steps as the autoencoder:
 *       L = Σ_i ‖x_i − g(f(x_i))‖² + λ Σ_i Σ_k ‖f(x_i) − r_k‖² G_k(f(x_i), α; R)    (§2, the DKM loss)
 *       G_k(h, α; R) = exp(−α‖h − r_k‖²) / Σ_k' exp(−α‖h − r_k'‖²)                      (§2.1)
 * As α → ∞, G becomes the hard k-means assignment and L the DCN objective.
 *
 * α schedule (§2.2 and the authors' code, MaziarMF/deep-k-means dkm.py):
 *  - 'annealed' (DKMa, no pretraining): α_1 = 0.1, α_{n+1} = 2^{1/log(n)²}·α_n (natural log,
 *    n = 2, 3, …), 40 values (α_40 ≈ 28), 5 epochs each; representatives drawn uniformly in [−1, 1].
 *  - 'constant' (DKMp, with pretraining): α = 1000 for 20 × 5 epochs; representatives from k-means
 *    on the pretrained embedding.
 * Defaults and their sources (dkm.py / compgraph.py): λ = 1, batch 256, Adam (TensorFlow's default
 * lr 0.001) for pretraining and training, 50 pretraining epochs for DKMp, d–500–500–2000–10.
 * Deviation: the pretraining is the one shared with DEC (MSE; the scale of a loss does not matter to
 * Adam), and k-means uses our k-means++ with `kmeansInit` restarts (the code: scikit-learn's 10).
 */
import * as tf from '@tensorflow/tfjs';
import { combineLosses, type LossSchedule } from '../engine/lossSchedule';
import { createAutoencoder, mapRows } from '../nn/autoencoder';
import { AE_PARAMS, AE_PRESETS, embedWith, encoderDims, kmeansInitPhase, pretrainPhase, type CentroidState } from './autoencoderPhases';
import { sqDistances, sumSquaredReconstruction } from './kmeansFriendly';
import { defineMethod, type MethodContext, type MethodRun, type ParamSpec, type ParamsOf, type Phase } from './types';

/** DKM's annealing: α_1 = start, α_{n+1} = 2^{1/ln(n)²}·α_n for n = 2, 3, … (the authors' code). */
export function annealedAlphas(count: number, start = 0.1): number[] {
  const alphas = [start];
  for (let i = 1; i < count; i++) alphas.push(Math.pow(2, 1 / Math.log(i + 1) ** 2) * alphas[i - 1]);
  return alphas;
}

const DKM_PARAMS = [
  ...AE_PARAMS,
  { key: 'lambda', label: 'Clustering weight λ', help: 'Weight of the soft k-means term against the summed reconstruction error (code default: 1).', kind: 'float', default: 1, min: 0, max: 1000 },
  { key: 'alphaSchedule', label: 'α schedule', help: "'annealed': α_1 = 0.1, α_{n+1} = 2^{1/ln(n)²}·α_n (DKMa); 'constant': α fixed (DKMp, with pretraining).", kind: 'enum', default: 'annealed', options: ['annealed', 'constant'] },
  { key: 'alpha', label: 'Constant α', help: "Inverse temperature of the softmax when the schedule is 'constant' (code: 1000).", kind: 'float', default: 1000, min: 1e-3, max: 1e5, log: true },
  { key: 'alphaCount', label: 'α values', help: 'Number of α values in the schedule (code: 40 annealed, 20 constant).', kind: 'int', default: 40, min: 1, max: 200 },
  { key: 'epochsPerAlpha', label: 'Epochs per α', help: 'Training epochs at each α value (code: 5).', kind: 'int', default: 5, min: 1, max: 100 },
  { key: 'clusterLr', label: 'Clustering learning rate', help: 'Adam step size of the joint training (code: TensorFlow default 0.001).', kind: 'float', default: 1e-3, min: 1e-6, max: 1e-1, log: true },
] as const satisfies readonly ParamSpec[];

type DkmParams = ParamsOf<typeof DKM_PARAMS>;

function alphaSequence(p: Pick<DkmParams, 'alphaCount' | 'alphaSchedule' | 'alpha'>): number[] {
  const count = p.alphaCount;
  return p.alphaSchedule === 'annealed' ? annealedAlphas(count) : new Array<number>(count).fill(p.alpha);
}

/** G_k (§2.1): softmax of −α‖h − r_k‖² over k (tf.softmax subtracts the row maximum, as the code's min-distance shift). */
function softKMeans(z: tf.Tensor2D, r: tf.Tensor2D, alpha: number): { d2: tf.Tensor2D; g: tf.Tensor2D } {
  const d2 = sqDistances(z, r);
  return { d2, g: tf.softmax(tf.mul(d2, -alpha)) as tf.Tensor2D };
}

function create(ctx: MethodContext<DkmParams>): MethodRun {
  const p = ctx.params;
  const ae = createAutoencoder(encoderDims(ctx), ctx.rng.fork());
  const state: CentroidState = { mu: null, labels: null };
  const batchSize = p.batchSize;
  const alphas = alphaSequence(p);
  const stepsPerAlpha = Math.max(1, Math.round((p.epochsPerAlpha * ctx.n) / batchSize));
  const schedule: LossSchedule = { kind: 'simultaneous', reconstruction: 1, clustering: p.lambda };
  let alpha = alphas[0];
  const pretrained = p.pretrainEpochs > 0;

  // Without pretraining the embedding is random, so the code draws the representatives uniformly.
  const uniformRng = ctx.rng.fork();
  const uniformInit: Phase = {
    id: 'init',
    label: 'init (representatives uniform in [−1, 1])',
    steps: 0,
    batchSize,
    begin: async () => {
      const values = Float32Array.from({ length: ctx.k * ae.embedDim }, () => 2 * uniformRng.next() - 1);
      state.mu?.dispose();
      state.mu = tf.tidy(() => tf.variable(tf.tensor2d(values, [ctx.k, ae.embedDim]), true));
    },
  };

  const cluster: Phase = {
    id: 'cluster',
    label: `cluster (reconstruction + λ·soft k-means, α ${p.alphaSchedule})`,
    steps: alphas.length * stepsPerAlpha,
    batchSize,
    optimizer: { kind: 'adam', learningRate: p.clusterLr },
    variables: () => [...ae.variables(), state.mu as tf.Variable],
    loss: (batch, _indices, step) => {
      alpha = alphas[Math.min(alphas.length - 1, Math.floor(step / stepsPerAlpha))];
      return combineLosses(schedule, step, {
        reconstruction: () => sumSquaredReconstruction(ae, batch),
        clustering: () => {
          const { d2, g } = softKMeans(ae.encode(batch), state.mu as tf.Tensor2D, alpha);
          return tf.mean(tf.sum(tf.mul(d2, g), 1)) as tf.Scalar;
        },
        clusteringName: 'kmeans',
      });
    },
  };

  return {
    phases: [pretrainPhase(ae, ctx), pretrained ? kmeansInitPhase(ae, ctx, state) : uniformInit, cluster],
    embed: embedWith(ae),
    // The soft assignment at the current α: the k-means partition as α grows.
    assign: (x) => (state.mu ? mapRows(x, (rows) => softKMeans(ae.encode(rows), state.mu as tf.Tensor2D, alpha).g) : null),
    centres: () => state.mu as tf.Tensor2D | null,
    dispose: () => {
      ae.dispose();
      state.mu?.dispose();
    },
  };
}

export const dkm = defineMethod({
  id: 'dkm',
  name: 'DKM',
  family: 'structure',
  paper: 'Fard, Thonet & Gaussier, Pattern Recognition Letters 2020',
  summary: 'Reconstruct the input while a softmax k-means, sharpened by an annealed α, pulls embeddings and trainable centroids together.',
  card: {
    equation: 'min ‖x − g(f(x))‖² + λ Σₖ ‖f(x) − rₖ‖² Gₖ(f(x); α)   (§2, the DKM loss)',
    steps: [
      'Pretrain an autoencoder; centroids are trainable like the network.',
      'Soft assignments G = softmax(−α‖f(x) − rₖ‖²) make the k-means loss differentiable.',
      'α is annealed upwards, so the soft assignment slides towards hard k-means.',
    ],
    failureMode: 'Sensitive to the α schedule: too fast and it is DCN with its lock-in, too slow and centroids drift together.',
  },
  params: DKM_PARAMS,
  presets: {
    // DKMa: no pretraining, annealed α from 0.1 (40 × 5 epochs).
    paper: { ...AE_PRESETS.paper, pretrainEpochs: 0 },
    // DKMp after the shared quick pretraining. λ = 0.1: with the code's λ = 1 a few epochs of joint
    // training pulled ACC below AE + k-means on 2,000 digits (0.516 vs 0.600); 0.1 kept 0.534.
    quick: { ...AE_PRESETS.quick, alphaSchedule: 'constant', alphaCount: 5, epochsPerAlpha: 2, lambda: 0.1 },
  },
  create,
});

/**
 * DCN — Deep Clustering Network. Yang, Fu, Sidiropoulos & Hong, "Towards K-means-friendly Spaces:
 * Simultaneous Deep Learning and Clustering", ICML 2017.
 *
 * Structure prior: the embedding should suit k-means. Phases:
 *  1. pretrain — the autoencoder on reconstruction (shared with DEC, §3.3 of the paper).
 *  2. init — k-means on the embedding gives the centroids M and the assignments s.
 *  3. cluster — per batch, alternating (Algorithm 1):
 *       objective  min Σ_i ‖x_i − g(f(x_i))‖² + (λ/2)‖f(x_i) − M s_i‖²   (problem (3) of the paper)
 *       (a) assignment: s_i ← e_j, j = argmin_k ‖f(x_i) − m_k‖²          (Eq. 7)
 *       (b) centroids, per-cluster counts c_k (a running mean, step 1/c_k):
 *             c_k ← c_k + 1,  m_k ← m_k − (1/c_k)(m_k − f(x_i))          (Eq. 8)
 *       (c) network: one gradient step on the objective with s and M fixed (Eq. 4–5).
 *     (a) and (b) run on the device inside the step (no readback); for a batch, the sequential
 *     per-sample updates of (b) equal m_k ← (c_k m_k + Σ_{i→k} f(x_i)) / (c_k + n_k) exactly.
 *
 * Defaults and their sources: λ = 2, i.e. equal weights on the two sums (the authors' MNIST run,
 * boyangumn/DCN-New run_raw_mnist.py: lbd = beta = 1 on the summed squared errors); counts start
 * at 100 (the DKM authors' DCN reimplementation, MaziarMF/deep-k-means compgraph.py); 50
 * clustering epochs, batch 256, architecture d–500–500–2000–10 (DCN-New).
 * Deviations: Adam (lr 1e-3, as the DKM authors' reimplementation) instead of the authors'
 * Nesterov SGD (lr 1e-4 on pixels scaled by 5.1), since our inputs are in [0, 1]; the pretraining
 * is DEC's (end-to-end Adam, not layer-wise). Order within a step: (a), (b) use the batch's
 * embedding from the step's own forward pass, then (c) steps the network — the same alternation
 * shifted by half a step, saving a second forward pass; s is thus always fresh, not remembered
 * from the previous epoch.
 *
 * Known behaviour at the paper budget (MNIST-10k, seed 0, scripts/experiments/trace.exp.ts): ACC
 * falls from its k-means start (0.680) to 0.51 in 8 steps. Two causes, measured apart: a fresh
 * Adam's first steps move every weight by ~lr, which jolts the pretrained 2000-wide layer
 * (reconstruction 6.3 → 15 in 16 steps at lr 1e-3, no jolt at 1e-4); and with λ/2 = 1 the k-means
 * term (≈ 20 at that autoencoder's embedding scale, against a reconstruction of ≈ 6) dominates and
 * empties the small clusters (437 → 0 points). λ = 0.02 keeps the start (0.683 after 2 epochs).
 * The authors' λ = 2 was set for pixels in [0, 5.1] and their own autoencoder, so it does not carry
 * over; we keep it as the default and report what λ does (README).
 */
import * as tf from '@tensorflow/tfjs';
import { combineLosses, type LossSchedule } from '../engine/lossSchedule';
import { createAutoencoder, mapRows } from '../nn/autoencoder';
import { softAssign } from '../nn/studentT';
import { AE_PARAMS, AE_PRESETS, embedWith, encoderDims, kmeansInitPhase, pretrainPhase, type CentroidState } from './autoencoderPhases';
import { sqDistances, sumSquaredReconstruction } from './kmeansFriendly';
import { defineMethod, type MethodContext, type MethodRun, type ParamSpec, type ParamsOf, type Phase } from './types';

/** Initial per-cluster count: a prior weight for the k-means centroids (DKM authors' DCN code). */
const COUNT_INIT = 100;

/**
 * Eq. 7 (nearest centroid) and Eq. 8 (per-sample running mean, step 1/c_k) for a batch z (b × e):
 * applying Eq. 8 to the batch's samples one by one gives exactly (c_k m_k + Σ_{i→k} z_i)/(c_k + n_k).
 */
export function dcnClusterUpdate(
  z: tf.Tensor2D,
  centroids: tf.Tensor2D,
  counts: tf.Tensor1D,
): { assignments: tf.Tensor2D; centroids: tf.Tensor2D; counts: tf.Tensor1D } {
  const k = centroids.shape[0];
  const s = tf.oneHot(tf.argMin(sqDistances(z, centroids), 1), k).toFloat() as tf.Tensor2D;
  const sums = tf.matMul(tf.transpose(s), z); // k × e; tiny, so the explicit transpose is cheap
  const next = tf.add(counts, tf.sum(s, 0)) as tf.Tensor1D;
  const m = tf.div(tf.add(tf.mul(tf.expandDims(counts, 1), centroids), sums), tf.expandDims(next, 1)) as tf.Tensor2D;
  return { assignments: s, centroids: m, counts: next };
}

const DCN_PARAMS = [
  ...AE_PARAMS,
  { key: 'lambda', label: 'Clustering weight λ', help: 'Weight of (λ/2)‖f(x) − Ms‖² against the summed reconstruction error (authors’ MNIST run: λ/2 = 1).', kind: 'float', default: 2, min: 0, max: 1000, log: false },
  { key: 'clusterEpochs', label: 'Clustering epochs', help: 'Passes over the data alternating network, assignment and centroid updates (DCN-New: 50).', kind: 'int', default: 50, min: 0, max: 1000 },
  { key: 'clusterLr', label: 'Clustering learning rate', help: 'Adam step size of the network update (DKM authors’ DCN code: 0.001).', kind: 'float', default: 1e-3, min: 1e-6, max: 1e-1, log: true },
] as const satisfies readonly ParamSpec[];

type DcnParams = ParamsOf<typeof DCN_PARAMS>;

function create(ctx: MethodContext<DcnParams>): MethodRun {
  const p = ctx.params;
  const ae = createAutoencoder(encoderDims(ctx), ctx.rng.fork());
  const state: CentroidState = { mu: null, labels: null };
  let counts: tf.Variable | null = null;
  const schedule: LossSchedule = { kind: 'simultaneous', reconstruction: 1, clustering: p.lambda / 2 };
  const batchSize = p.batchSize;

  /** Eq. 7 and 8 for one batch of embeddings, on the device; returns the one-hot assignments. */
  const updateClusters = (z: tf.Tensor2D): tf.Tensor2D => {
    const m = state.mu as tf.Variable;
    const c = counts as tf.Variable;
    const next = dcnClusterUpdate(z, m as tf.Tensor2D, c as tf.Tensor1D);
    m.assign(next.centroids);
    c.assign(next.counts);
    return next.assignments;
  };

  const cluster: Phase = {
    id: 'cluster',
    label: 'cluster (reconstruction + λ/2·‖f(x) − Ms‖², alternating)',
    steps: Math.round((p.clusterEpochs * ctx.n) / batchSize),
    batchSize,
    optimizer: { kind: 'adam', learningRate: p.clusterLr },
    // M and the counts are updated by Eq. 8, not by the optimiser.
    variables: () => ae.variables(),
    begin: async () => {
      counts?.dispose();
      // tidy frees the initial value; the variable keeps its own reference to the data.
      counts = tf.tidy(() => tf.variable(tf.fill([ctx.k], COUNT_INIT), false));
    },
    loss: (batch, _indices, step) => {
      const z = ae.encode(batch);
      // The assignment s (Eq. 7) holds no gradient; M s picks each row's updated centroid.
      const s = updateClusters(z);
      const ms = tf.matMul(s, state.mu as tf.Tensor2D);
      return combineLosses(schedule, step, {
        reconstruction: () => sumSquaredReconstruction(ae, batch),
        clustering: () => tf.mean(tf.sum(tf.square(tf.sub(z, ms)), 1)) as tf.Scalar,
        clusteringName: 'kmeans',
      });
    },
  };

  return {
    phases: [pretrainPhase(ae, ctx), kmeansInitPhase(ae, ctx, state), cluster],
    embed: embedWith(ae),
    // DCN's partition is hard (nearest centroid); the Student-t kernel (α = 1) around M has the
    // same argmax and gives confidences comparable with AE + k-means and DEC.
    assign: (x) => (state.mu ? mapRows(x, (rows) => softAssign(ae.encode(rows), state.mu as tf.Tensor2D, 1)) : null),
    centres: () => state.mu as tf.Tensor2D | null,
    dispose: () => {
      ae.dispose();
      state.mu?.dispose();
      counts?.dispose();
    },
  };
}

export const dcn = defineMethod({
  id: 'dcn',
  name: 'DCN',
  family: 'structure',
  paper: 'Yang, Fu, Sidiropoulos & Hong, ICML 2017',
  summary: 'Reconstruct the input while pulling each embedding towards its nearest k-means centroid; centroids follow running means.',
  card: {
    equation: 'min ‖x − g(f(x))‖² + λ/2 ‖f(x) − M sᵢ‖²   (problem 3; Eq. 7–8 update s and M)',
    steps: [
      'Pretrain an autoencoder and run k-means on its embedding.',
      'Per batch: assign each point to its nearest centroid, update the centroids with a step of 1/count.',
      'Then update the network on reconstruction plus the distance to the assigned centroid.',
    ],
    failureMode: 'Hard assignments can lock in early mistakes, and without the reconstruction term the encoder collapses all points onto the centroids.',
  },
  params: DCN_PARAMS,
  presets: {
    paper: { ...AE_PRESETS.paper },
    quick: { ...AE_PRESETS.quick, clusterEpochs: 10 },
  },
  create,
});

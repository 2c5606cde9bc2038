/**
 * DEC — Deep Embedded Clustering. Xie, Girshick & Farhadi, "Unsupervised Deep Embedding for
 * Clustering Analysis", ICML 2016.
 *
 * Phases (paper §3):
 *  1. pretrain — autoencoder d–500–500–2000–10 on reconstruction (§3.2).
 *  2. init — k-means (20 restarts) on the embedding z = f(x) gives the centroids μ_j (§3.2).
 *  3. cluster — minimise KL(P ‖ Q) over the encoder and μ (§3.1):
 *       Eq. 1  q_ij ∝ (1 + ‖z_i − μ_j‖²/α)^(−(α+1)/2), α = 1
 *       Eq. 3  p_ij ∝ q_ij² / f_j,  f_j = Σ_i q_ij — the sharpened target, held fixed between updates
 *       Eq. 2  L = KL(P ‖ Q), per batch as Σ p log(p/q) / batch ('batchmean', as the reference)
 *     P is recomputed on all points every `updateInterval` steps; the phase stops when fewer than
 *     `tol` (0.1 %) of the points changed cluster since the previous update (§3.1.3, §4.3).
 *
 * Defaults and their sources: batch 256, SGD lr 0.01 momentum 0.9, tol 0.1 %, k-means 20 restarts
 * (paper §4.3); update interval 140 and maxiter 2·10⁴ (DEC-keras, the authors' follow-up code,
 * for MNIST); pretraining 200 epochs of Adam 1e-3 (DEC-keras).
 * Deviation from the paper: the autoencoder is pretrained end to end with Adam (DEC-keras, and our
 * PyTorch reference), not layer-wise with SGD and dropout 0.2 followed by fine-tuning.
 * Presets: 'paper' is the above (reference on MNIST-10k: AE + k-means 0.728 / 0.718, DEC 0.785 /
 * 0.824 ACC, seeds 0 / 1); 'quick' trades the encoder and epochs for a run of a few minutes.
 *
 * IDEC — Guo, Gao, Liu & Yin, "Improved Deep Embedded Clustering with Local Structure
 * Preservation", IJCAI 2017 — is DEC with γ > 0: the cluster phase keeps the decoder and minimises
 *       Eq. 7  L = L_r + γ·L_c,  L_r = ‖x − g(f(x))‖² (Eq. 8, as MSE), L_c = KL(P ‖ Q) (Eq. 2–3 above)
 * over the encoder, the decoder and μ ('simultaneous' in lossSchedule.ts; DEC is
 * 'pretrain-then-finetune'). Defaults from the authors' code (XifengGuo/IDEC, IDEC.py): γ = 0.1,
 * batch 256, update interval 140 and tol 0.1 % on MNIST, maxiter 2·10⁴; optimiser Adam (Keras
 * default lr 0.001) for MNIST — SGD lr 0.1 momentum 0.99 for USPS and REUTERS.
 */
import * as tf from '@tensorflow/tfjs';
import { klDivergence, softAssign, targetDistribution } from '../nn/studentT';
import { createAutoencoder, mapRows } from '../nn/autoencoder';
import { combineLosses, trainsDecoder, type LossSchedule } from '../engine/lossSchedule';
import { AE_PARAMS, AE_PRESETS, embedWith, encoderDims, kmeansInitPhase, pretrainPhase, type CentroidState } from './autoencoderPhases';
import { defineMethod, type MethodContext, type MethodRun, type ParamOf, type ParamSpec, type ParamsOf, type Phase } from './types';

/** Fraction of entries that differ. */
function changedFraction(a: Int32Array, b: Int32Array): number {
  let c = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) c++;
  return c / a.length;
}

function create(ctx: MethodContext<DecParams>): MethodRun {
  const p = ctx.params;
  const alpha = p.alpha;
  const ae = createAutoencoder(encoderDims(ctx), ctx.rng.fork());
  const state: CentroidState = { mu: null, labels: null };
  const q = (x: tf.Tensor2D): tf.Tensor2D => softAssign(ae.encode(x), state.mu as tf.Tensor2D, alpha);
  const gamma = p.gamma;
  // γ = 0 is DEC (decoder dropped after pretraining); γ > 0 is IDEC's L_r + γ·L_c.
  const schedule: LossSchedule = gamma > 0 ? { kind: 'simultaneous', reconstruction: 1, clustering: gamma } : { kind: 'pretrain-then-finetune' };
  const withDecoder = trainsDecoder(schedule);

  // The target P (n × k) stays on the device; `labels` are its argmax as of the last update.
  let target: tf.Tensor2D | null = null;
  let targetStep = -1;
  let labels: Int32Array | null = null;
  /** Recompute P on all points; returns the fraction of points whose cluster changed. */
  const updateTarget = async (step: number): Promise<number> => {
    const qAll = mapRows(ctx.x, q);
    const next = targetDistribution(qAll);
    const argmax = tf.argMax(qAll, 1);
    qAll.dispose();
    target?.dispose();
    target = next;
    targetStep = step;
    const now = Int32Array.from((await argmax.data()) as Int32Array);
    argmax.dispose();
    const delta = labels ? changedFraction(labels, now) : 1;
    labels = now;
    return delta;
  };

  const cluster: Phase = {
    id: 'cluster',
    label: withDecoder ? 'cluster (reconstruction + γ·KL to the target)' : 'cluster (KL to the target distribution)',
    steps: p.maxIter,
    batchSize: p.batchSize,
    optimizer: p.clusterOptimizer === 'adam' ? { kind: 'adam', learningRate: p.clusterLr } : { kind: 'sgd', learningRate: p.clusterLr, momentum: 0.9 },
    checkEvery: p.updateInterval,
    variables: () => [...(withDecoder ? ae.variables() : ae.encoder.variables()), state.mu as tf.Variable],
    begin: async () => {
      labels = state.labels; // the k-means labels, as the reference's y_pred_last
      await updateTarget(0);
    },
    check: async (step) => {
      if (step === targetStep) return false; // P was just computed (begin, before step 0)
      return (await updateTarget(step)) < p.tol;
    },
    loss: (batch, indices, step) => {
      const pAll = target;
      if (!pAll) throw new Error('DEC: the target distribution is missing (begin() not run)');
      return combineLosses(schedule, step, {
        reconstruction: () => ae.reconstructionLoss(batch),
        clustering: () => klDivergence(tf.gather(pAll, indices) as tf.Tensor2D, q(batch)),
        clusteringName: 'kl',
      });
    },
  };

  return {
    phases: [pretrainPhase(ae, ctx), kmeansInitPhase(ae, ctx, state), cluster],
    embed: embedWith(ae),
    assign: (x) => (state.mu ? mapRows(x, q) : null),
    centres: () => state.mu as tf.Tensor2D | null,
    dispose: () => {
      ae.dispose();
      state.mu?.dispose();
      target?.dispose();
    },
  };
}

const DEC_PARAMS = [
  ...AE_PARAMS,
  { key: 'updateInterval', label: 'Target update interval', help: 'Steps between recomputing the target P on all points (DEC-keras: 140 on MNIST).', kind: 'int', default: 140, min: 1, max: 10000 },
  { key: 'tol', label: 'Stop tolerance', help: 'Stop when fewer than this fraction of points change cluster between target updates (paper: 0.001).', kind: 'float', default: 0.001, min: 0, max: 0.5 },
  { key: 'maxIter', label: 'Max clustering steps', help: 'Upper bound on the steps of the clustering phase (DEC-keras: 20000).', kind: 'int', default: 20000, min: 0, max: 200000 },
  { key: 'alpha', label: 'Student-t α', help: 'Degrees of freedom of the Student-t kernel in Eq. 1 (paper: 1).', kind: 'float', default: 1, min: 0.01, max: 100, log: true },
  { key: 'clusterLr', label: 'Clustering learning rate', help: 'Step size of the clustering phase (DEC: SGD 0.01; IDEC on MNIST: Adam 0.001).', kind: 'float', default: 0.01, min: 1e-5, max: 1, log: true },
  { key: 'clusterOptimizer', label: 'Clustering optimiser', help: "Optimiser of the clustering phase: 'sgd' (momentum 0.9, DEC) or 'adam' (IDEC's code on MNIST).", kind: 'enum', default: 'sgd', options: ['sgd', 'adam'] },
  { key: 'gamma', label: 'Clustering weight γ', help: 'IDEC Eq. 7: L = L_r + γ·L_c; 0 drops the decoder (DEC), IDEC uses 0.1.', kind: 'float', default: 0, min: 0, max: 100 },
] as const satisfies readonly ParamSpec[];

/** DEC's and IDEC's parameters (the same specs; IDEC changes defaults only). */
export type DecParams = ParamsOf<typeof DEC_PARAMS>;

/** The same parameters with other defaults (IDEC is DEC with γ = 0.1 and Adam). */
function withDefaults<T extends ParamSpec>(specs: readonly T[], defaults: { [K in T['key']]?: ParamOf<Extract<T, { key: K }>> }): T[] {
  return specs.map((s) => {
    const key: T['key'] = s.key;
    const d = defaults[key];
    return d === undefined ? s : { ...s, default: d };
  });
}

export const dec = defineMethod({
  id: 'dec',
  name: 'DEC',
  family: 'pseudo-label',
  paper: 'Xie, Girshick & Farhadi, ICML 2016',
  summary: 'Pretrain an autoencoder, then sharpen its k-means clusters by matching a squared, re-normalised copy of the soft assignment.',
  card: {
    equation: 'L = KL(P ‖ Q),  qᵢⱼ ∝ (1 + ‖zᵢ − μⱼ‖²)⁻¹,  pᵢⱼ ∝ qᵢⱼ² / Σᵢ qᵢⱼ   (Eq. 1–3)',
    steps: [
      'Pretrain an autoencoder on reconstruction.',
      'Run k-means on its embedding to place the centroids μ.',
      'Drop the decoder; pull Q towards its own sharpened copy P, refreshing P every few hundred steps.',
    ],
    failureMode: 'Only as good as its start: a poor k-means init is sharpened, not repaired, and with the decoder gone the embedding can distort or merge small clusters.',
  },
  params: DEC_PARAMS,
  presets: {
    paper: { ...AE_PRESETS.paper },
    // Measured on MNIST-10k (WASM, Node): ACC 0.729 / 0.734 (seeds 0 / 1) after 3,000 steps — the
    // tol criterion has not fired yet, so maxIter bounds the time. Update interval 280 at batch 64
    // ≈ 1.8 epochs between targets (DEC-keras: 140 at batch 256 ≈ 3.6 epochs on 10k points).
    quick: { ...AE_PRESETS.quick, maxIter: 3000, updateInterval: 280 },
  },
  create,
});

export const idec = defineMethod({
  id: 'idec',
  name: 'IDEC',
  family: 'pseudo-label',
  paper: 'Guo, Gao, Liu & Yin, IJCAI 2017',
  summary: 'DEC that keeps training the decoder: reconstruction + γ·KL, so the embedding keeps the local structure of the data.',
  card: {
    equation: 'L = ‖x − g(f(x))‖² + γ·KL(P ‖ Q)   (Eq. 7)',
    steps: [
      'Pretrain an autoencoder and place centroids with k-means, as DEC.',
      'Keep the decoder: every step minimises reconstruction plus γ times DEC\'s KL.',
      'Refresh the target P every few hundred steps; stop when labels settle.',
    ],
    failureMode: 'γ trades two goals: too small behaves like DEC (distortion), too large keeps the clusters where k-means put them.',
  },
  params: withDefaults(DEC_PARAMS, { gamma: 0.1, clusterOptimizer: 'adam', clusterLr: 0.001 }),
  presets: {
    paper: { ...AE_PRESETS.paper },
    // The same budget as DEC's quick preset, so the two compare run for run.
    quick: { ...AE_PRESETS.quick, maxIter: 3000, updateInterval: 280 },
  },
  create,
});

/**
 * DCSS phase 1 (Sadeghi & Armanfard, §3.1): form one hypersphere per cluster in the latent space.
 * Per batch, the autoencoder takes K successive optimiser steps, one per cluster k, each on the
 * cluster-specific loss
 *   L_k = Σ_i u_ik^m (‖x_i − g(f(x_i))‖² + γ ‖f(x_i) − μ_k‖²)
 * with the memberships u_ik (fuzzy c-means, dcssFuzzy.ts) computed once per batch from the
 * embedding before the K steps and held fixed (the authors' .detach()). The centres μ_k are
 * refreshed every T₁ epochs as the u^m-weighted mean of all embeddings.
 *
 * How K steps on one batch fit the engine's one-batch-per-step loop: engine step s trains cluster
 * k = s mod K; at k = 0 the phase takes the engine's batch and holds it for the next K − 1 steps,
 * ignoring the batches gathered meanwhile. So one DCSS epoch is K × (n / batch) engine steps, and a
 * point is seen about once per DCSS epoch (sampled from K engine permutations rather than one).
 */
import * as tf from '@tensorflow/tfjs';
import type { Autoencoder } from '../nn/autoencoder';
import { stopGradient } from './dcssDetach';
import { FUZZIFIER_PARAM, fuzzyMemberships, weightedCentres } from './dcssFuzzy';
import type { AeParams, CentroidState } from './autoencoderPhases';
import type { MethodContext, ParamSpec, ParamsOf, Phase } from './types';

export const DCSS_PHASE1_PARAMS = [
  { key: 'phase1Epochs', label: 'Phase-1 epochs', help: 'Epochs of cluster-specific training; each costs K ordinary epochs (authors\' code: 200).', kind: 'int', default: 200, min: 0, max: 1000 },
  FUZZIFIER_PARAM,
  { key: 'gamma', label: 'Centering weight γ', help: 'Weight of ‖f(x) − μ_k‖² against the reconstruction in the phase-1 loss (authors\' code: 0.1).', kind: 'float', default: 0.1, min: 0, max: 100, log: false },
  { key: 't1', label: 'T₁ (centre refresh)', help: 'Phase-1 epochs between refreshing the centres as weighted means (paper: 2).', kind: 'int', default: 2, min: 1, max: 100 },
  { key: 'phase1Lr', label: 'Phase-1 learning rate', help: 'SGD (momentum 0.9) step size on the batch-mean loss (authors: 1e-6 on the sum over 500, i.e. 5e-4).', kind: 'float', default: 5e-4, min: 1e-7, max: 1e-1, log: true },
] as const satisfies readonly ParamSpec[];

type DcssPhase1Params = ParamsOf<typeof DCSS_PHASE1_PARAMS>;

/** Batches per epoch as the engine's batcher draws them (a short tail starts the next epoch). */
export function batchesPerEpoch(n: number, batchSize: number): number {
  return Math.max(1, Math.floor(n / Math.max(1, Math.min(batchSize, n))));
}

export interface HeldBatch {
  x: tf.Tensor2D;
  /** u_ik^m of the held rows, rows × K; a constant to the gradient. */
  w: tf.Tensor2D;
}

export interface Phase1 {
  phase: Phase;
  /** Free the held batch (the run's dispose calls this). */
  dispose(): void;
}

export function dcssPhase1(ae: Autoencoder, ctx: MethodContext<DcssPhase1Params & Pick<AeParams, 'batchSize'>>, state: CentroidState): Phase1 {
  const p = ctx.params;
  const { m, gamma, batchSize } = p;
  const K = ctx.k;
  const epochSteps = K * batchesPerEpoch(ctx.n, batchSize);
  let held: HeldBatch | null = null;
  const release = (): void => {
    if (held) tf.dispose([held.x, held.w]);
    held = null;
  };
  const mu = (): tf.Variable => {
    if (!state.mu) throw new Error('DCSS: the centres are missing (k-means init not run)');
    return state.mu;
  };

  const phase: Phase = {
    id: 'phase1',
    label: 'phase 1 (cluster-specific autoencoder losses)',
    steps: p.phase1Epochs * epochSteps,
    batchSize,
    // The authors' SGD with momentum 0.9 (their lr is per summed batch; ours is per mean, see dcss.ts).
    optimizer: { kind: 'sgd', learningRate: p.phase1Lr, momentum: 0.9 },
    variables: () => ae.variables(),
    checkEvery: p.t1 * epochSteps,
    check: async (step) => {
      if (step === 0) return false; // centres come from k-means
      const next = weightedCentres(ctx.x, ae.encode, mu(), m);
      mu().assign(next);
      next.dispose();
      return false;
    },
    loss: (batch, _indices, step) => {
      const k = step % K;
      if (k === 0 || !held) {
        release();
        const w = stopGradient(tf.pow(fuzzyMemberships(ae.encode(batch), mu(), m), m) as tf.Tensor2D);
        held = { x: tf.keep(tf.clone(batch)), w: tf.keep(w) };
      }
      const { x, w } = held;
      const z = ae.encode(x);
      const rec = tf.sum(tf.squaredDifference(ae.decode(z), x), 1); // ‖x_i − g(f(x_i))‖²
      const cen = tf.sum(tf.square(tf.sub(z, tf.slice(mu(), [k, 0], [1, -1]))), 1); // ‖f(x_i) − μ_k‖²
      const wk = tf.reshape(tf.slice(w, [0, k], [-1, 1]), [-1]);
      const b = x.shape[0];
      const reconstruction = tf.div(tf.sum(tf.mul(wk, rec)), b) as tf.Scalar;
      const centering = tf.div(tf.sum(tf.mul(wk, cen)), b) as tf.Scalar;
      const total = tf.add(reconstruction, tf.mul(centering, gamma)) as tf.Scalar;
      return { total, parts: { reconstruction, centering } };
    },
  };
  return { phase, dispose: release };
}

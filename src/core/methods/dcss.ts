/**
 * DCSS — Deep Clustering with Self-Supervision using Pairwise Similarities. Sadeghi & Armanfard
 * (TechRxiv 2021; arXiv 2405.03590). Two entries share this file:
 *   'dcssu'  phase 1 only; a point's cluster is its nearest centre (argmax of its memberships).
 *   'dcss'   phase 1, then MNet (phase 2); a point's cluster is argmax of MNet's q.
 *
 * Phases:
 *  1. pretrain — the autoencoder on reconstruction (shared with DEC, autoencoderPhases.ts).
 *  2. init — k-means on the embedding gives the centres μ_k.
 *  3. phase1 — K cluster-specific steps per batch on Σ_i u_ik^m (‖x_i − x̂_i‖² + γ‖z_i − μ_k‖²),
 *     fuzzy memberships u (fuzzifier m), centres refreshed every T₁ epochs (dcssPhase1.ts).
 *  4. mnet — a softmax head trained on confident pairs, u-space for T₂ epochs then q-space
 *     (mnetPhase.ts, mnetPairs.ts).
 *
 * Defaults and their sources (the authors' code, Armanfard-Lab/DCSS train.py and DCSS.py): m 1.5,
 * γ 0.1 (hard-coded there), T₁ 2, T₂ 5, ζ 0.8, dissimilar below 0.2, batch 500, 200 epochs of
 * phase 1 (MaxIter1), 20 of phase 2 (MaxIter2), phase-1 SGD lr 1e-6 momentum 0.9 on a loss summed
 * over the batch — 5e-4 on our batch mean (×500) — and phase-2 Adam 1e-3 for MNet, 1e-5 for the AE.
 * Deviations: DEC's MLP autoencoder instead of the authors' residual conv AE; no batch norm in MNet
 * (its input is standardised instead, mnetPhase.ts); one optimiser per phase, so in phase 2 the
 * encoder is either frozen (default; the authors' 1e-5 barely moves it) or trained at MNet's rate
 * (`mnetTrainEncoder`); MNet's pair loss leaves out self-pairs and the authors' snapping of q to 0 / 1
 * outside [0.01, 0.99] (mnetPairs.ts); no per-epoch model selection by ACC against the labels, which
 * the authors' code does and an unsupervised method cannot.
 */
import type * as tf from '@tensorflow/tfjs';
import { createAutoencoder, mapRows, type Autoencoder } from '../nn/autoencoder';
import { AE_PARAMS, AE_PRESETS, embedWith, encoderDims, kmeansInitPhase, pretrainPhase, type CentroidState } from './autoencoderPhases';
import { fuzzyMemberships, weightedCentres } from './dcssFuzzy';
import { DCSS_PHASE1_PARAMS, dcssPhase1 } from './dcssPhase1';
import { MNET_PARAMS, MNET_PRESETS, mnetPhase, type MNetHead } from './mnetPhase';
import { defineMethod, type MethodContext, type MethodRun, type ParamSpec, type ParamsOf, type PresetsOf } from './types';

const DCSSU_PARAMS = [...AE_PARAMS, ...DCSS_PHASE1_PARAMS] as const satisfies readonly ParamSpec[];
type DcssuParams = ParamsOf<typeof DCSSU_PARAMS>;

const DCSS_PARAMS = [
  ...DCSSU_PARAMS,
  ...MNET_PARAMS,
  { key: 'mnetTrainEncoder', label: 'Train encoder with MNet', help: 'Also update the encoder in phase 2, at MNet\'s rate (authors: Adam 1e-5, nearly frozen; off = frozen).', kind: 'bool', default: false },
] as const satisfies readonly ParamSpec[];
type DcssParams = ParamsOf<typeof DCSS_PARAMS>;

/** Builds DCSS's phase 2 on the run's autoencoder and centres (DCSS), or nothing (DCSSu). */
type HeadFactory = (ae: Autoencoder, state: CentroidState) => MNetHead;

function createRun(ctx: MethodContext<DcssuParams>, makeHead: HeadFactory | null): MethodRun {
  const m = ctx.params.m;
  const ae = createAutoencoder(encoderDims(ctx), ctx.rng.fork());
  const state: CentroidState = { mu: null, labels: null };
  const memberships = (x: tf.Tensor2D): tf.Tensor2D => fuzzyMemberships(ae.encode(x), state.mu as tf.Tensor2D, m);
  const phase1 = dcssPhase1(ae, ctx, state);
  const head = makeHead ? makeHead(ae, state) : null;
  return {
    phases: [pretrainPhase(ae, ctx), kmeansInitPhase(ae, ctx, state), phase1.phase, ...(head ? [head.phase] : [])],
    embed: embedWith(ae),
    assign: (x) => head?.assign(x) ?? (state.mu ? mapRows(x, memberships) : null),
    dispose: () => {
      phase1.dispose();
      head?.dispose();
      ae.dispose();
      state.mu?.dispose();
    },
  };
}

const createDcssu = (ctx: MethodContext<DcssuParams>): MethodRun => createRun(ctx, null);

function createDcss(ctx: MethodContext<DcssParams>): MethodRun {
  const { m, mnetTrainEncoder } = ctx.params;
  return createRun(ctx, (ae, state) =>
    mnetPhase(
      {
        embedDim: ae.embedDim,
        embed: ae.encode,
        assignEmbedded: (z) => fuzzyMemberships(z, state.mu as tf.Tensor2D, m),
        encoderVariables: () => (mnetTrainEncoder ? ae.encoder.variables() : []),
        // The authors refresh the centres after each u-space epoch; it matters only when the
        // encoder moves.
        refresh: async () => {
          if (!mnetTrainEncoder || !state.mu) return;
          const next = weightedCentres(ctx.x, ae.encode, state.mu, m);
          state.mu.assign(next);
          next.dispose();
        },
      },
      ctx,
      ctx.rng.fork(),
    ),
  );
}

const PAPER = 'Sadeghi & Armanfard, TechRxiv 2021 (arXiv 2405.03590)';
// Quick: phase 1 at 2 epochs = 20 ordinary epochs for K = 10. Measured on MNIST-10k (WASM, Node,
// MNet 20/10/100, seeds 0 / 1 / 2): AE + k-means 0.711 / 0.715 / 0.717, DCSSu 0.707 / 0.699 / 0.702,
// DCSS 0.731 / 0.626 / 0.722 ACC (seed 1: 0.703 after the u-space epochs, then the q-space drifts).
const PHASE1_PRESETS = { paper: { phase1Epochs: 200, batchSize: 500 }, quick: { phase1Epochs: 2 } } as const satisfies PresetsOf<typeof DCSSU_PARAMS>;

export const dcssu = defineMethod({
  id: 'dcssu',
  name: 'DCSSu',
  // Phase 1 makes the embedding k-means friendly (one hypersphere per cluster): a structure prior;
  // MNet's confident pairs make DCSS a pseudo-labelling method.
  family: 'structure',
  paper: PAPER,
  summary: 'DCSS phase 1 alone: train the autoencoder with one fuzzy-weighted, cluster-specific loss per cluster so each cluster becomes a hypersphere around its centre.',
  card: {
    equation: 'Σₖ Σᵢ uᵢₖᵐ (‖xᵢ − g(f(xᵢ))‖² + γ‖f(xᵢ) − μₖ‖²),  m = 1.5   (§3.1)',
    steps: [
      'Pretrain an autoencoder and place centres with k-means.',
      'Per batch, K cluster-specific updates, each weighting its loss by fuzzy memberships u.',
      'Refresh the centres every T₁ epochs; a point belongs to its nearest centre.',
    ],
    failureMode: 'Assumes hyperspherical clusters around the centres; elongated or imbalanced clusters are split or merged.',
  },
  params: DCSSU_PARAMS,
  presets: {
    paper: { ...AE_PRESETS.paper, ...PHASE1_PRESETS.paper },
    quick: { ...AE_PRESETS.quick, ...PHASE1_PRESETS.quick },
  },
  create: createDcssu,
});

export const dcss = defineMethod({
  id: 'dcss',
  name: 'DCSS',
  family: 'pseudo-label',
  paper: PAPER,
  summary: 'DCSSu, then MNet: a softmax head that learns from confident pairs — similar or dissimilar by their soft assignments — so clusters need not be spheres.',
  card: {
    equation: 'min −Σ_similar log qᵢᵀqⱼ − Σ_dissimilar log(1 − qᵢᵀqⱼ);  similar: aᵢᵀaⱼ > ζ, dissimilar: < 0.2   (§3.2)',
    steps: [
      'Phase 1 as DCSSu: a k-means friendly embedding with fuzzy memberships u.',
      'Phase 2: pairs with ⟨uᵢ, uⱼ⟩ > ζ are similar, < 0.2 dissimilar; MNet learns from them.',
      'After T₂ epochs the pairs come from MNet\'s own q; the cluster is argmax q.',
    ],
    failureMode: 'Needs a good phase 1: confident but wrong pairs are learnt as truth; once MNet labels its own pairs nothing balances cluster sizes, so some grow and others empty.',
  },
  params: DCSS_PARAMS,
  presets: {
    paper: { ...AE_PRESETS.paper, ...PHASE1_PRESETS.paper, ...MNET_PRESETS.paper },
    quick: { ...AE_PRESETS.quick, ...PHASE1_PRESETS.quick, ...MNET_PRESETS.quick },
  },
  create: createDcss,
});

/**
 * VaDE — Variational Deep Embedding. Jiang, Zheng, Tan, Tang & Zhou, "Variational Deep Embedding:
 * An Unsupervised and Generative Approach to Clustering", IJCAI 2017.
 *
 * Generative model (§2.1): c ~ Cat(π), z ~ N(μ_c, σ_c² I), x ~ Ber(μ_x) with μ_x = f(z; θ) (for
 * real-valued data a Gaussian). Inference: [μ̃; log σ̃²] = g(x; φ), q(z|x) = N(μ̃, σ̃² I),
 * q(z, c|x) = q(z|x) q(c|x). Loss = −ELBO (Eq. 10, in closed form with one sample Eq. 11):
 *   −log p(x|z) + Σ_c γ_c KL(q(z|x) ‖ p(z|c)) + KL(γ ‖ π)   (see nn/mixturePrior.ts),
 * with γ_c = q(c|x) = p(c|z) computed from the reparameterised z (Eq. 16), and π, μ_c, σ_c
 * trained with the networks. The cluster of x is argmax_c γ_c; `assign` returns γ evaluated at
 * z = μ̃ (the authors' code evaluates it at a sampled z; the mean keeps the shown clusters stable).
 *
 * Phases:
 *  1. pretrain — the shared autoencoder on reconstruction (autoencoderPhases.ts).
 *  2. init — the bottleneck becomes μ̃ and a fresh linear head gives log σ̃²; π, μ_c, σ_c² come
 *     from μ̃ of all points, by `mixtureInit`:
 *       'gmm'    — a diagonal GMM fitted by EM from k-means (authors' code for MNIST: sklearn
 *                  GMM(covariance_type='diag') on the pretrained encoder's output);
 *       'kmeans' — k-means alone: its centroids, per-cluster variances and sizes, no EM (the
 *                  authors' code for Reuters-10k takes the k-means centroids). On a shorter-
 *                  pretrained embedding EM can drift below k-means and VaDE keeps the drift:
 *                  MNIST-10k, quick AE, seed 0: k-means 0.710 ACC, GMM 0.607 → VaDE 0.611;
 *                  from 'kmeans' 0.717 → 0.709 (seed 1: GMM 0.732 → 0.728, 'kmeans' 0.728 → 0.731).
 *                  On all 70,000 digits the ELBO itself merges two digits: 0.761 → 0.707
 *                  from 'kmeans', 0.706 → 0.700 from 'gmm' after 10 epochs; 30 epochs from
 *                  'kmeans' climb back to 0.761 (NMI 0.706 → 0.764; README).
 *  3. vade — Adam on −ELBO.
 *
 * Defaults and their sources (authors' code, slim-1/VaDE VaDE.py, MNIST config): batch 100,
 * Adam lr 0.002 for networks and mixture, 3000 epochs, d–500–500–2000–10, Bernoulli decoder.
 * Deviations: the learning rate is constant (the authors multiply it by 0.9 every 10 epochs,
 * floored at 0.0002, and use Adam ε = 1e-4: our engine's optimiser spec has neither); the shared
 * pretraining ends in a linear output trained on MSE, so for the Bernoulli decoder its last layer
 * is rescaled once into logits 10·(x̂ − ½) (the authors pretrain a sigmoid output); π starts at
 * the GMM's weights, not uniform, and is a softmax of free logits instead of clipped.
 */
import * as tf from '@tensorflow/tfjs';
import { fitGmm } from '../cluster/gmm';
import { createAutoencoder, mapRows, type Autoencoder } from '../nn/autoencoder';
import { createGaussianEncoder } from '../nn/gaussianEncoder';
import { bernoulliNll, createMixturePrior, disposePrior, logGamma, mixtureKl, priorVariables, squaredErrorNll, type MixturePrior } from '../nn/mixturePrior';
import { AE_PARAMS, AE_PRESETS, embedWith, encoderDims, pretrainPhase } from './autoencoderPhases';
import { defineMethod, type MethodContext, type MethodRun, type ParamSpec, type ParamsOf, type Phase } from './types';

/** Pretrained outputs x̂ ≈ x ∈ [0, 1] become logits LOGIT_SCALE·(x̂ − ½): σ(±5) ≈ 0.007 / 0.993. */
const LOGIT_SCALE = 10;

type Likelihood = 'bernoulli' | 'gaussian';

/** 'auto': Bernoulli when every value lies in [0, 1] (images), else Gaussian. */
async function chooseLikelihood(x: tf.Tensor2D, choice: string): Promise<Likelihood> {
  if (choice === 'bernoulli' || choice === 'gaussian') return choice;
  const range = tf.tidy(() => tf.stack([tf.min(x), tf.max(x)]));
  const [lo, hi] = await range.data();
  range.dispose();
  return lo >= 0 && hi <= 1 ? 'bernoulli' : 'gaussian';
}

/** Turn the decoder's linear output into Bernoulli logits s·(x̂ − ½), in place. */
function outputToLogits(ae: Autoencoder): void {
  const last = ae.decoder.layers[ae.decoder.layers.length - 1];
  tf.tidy(() => {
    last.kernel.assign(tf.mul(last.kernel, LOGIT_SCALE));
    last.bias.assign(tf.mul(tf.sub(last.bias, 0.5), LOGIT_SCALE));
  });
}

const VADE_PARAMS = [
  ...AE_PARAMS,
  { key: 'vadeEpochs', label: 'VaDE epochs', help: 'Passes over the data maximising the ELBO after the mixture init (authors\' code: 3000 on MNIST).', kind: 'int', default: 3000, min: 0, max: 5000 },
  { key: 'vadeLr', label: 'VaDE learning rate', help: 'Adam step size for networks and mixture parameters (authors\' code: 0.002).', kind: 'float', default: 0.002, min: 1e-5, max: 1e-1, log: true },
  { key: 'mixtureInit', label: 'Mixture init', help: "π, μ_c, σ_c² from 'gmm' (EM from k-means; authors' MNIST code) or 'kmeans' (k-means clusters, no EM; authors' Reuters code).", kind: 'enum', default: 'gmm', options: ['gmm', 'kmeans'] },
  { key: 'likelihood', label: 'Decoder likelihood', help: "p(x|z): 'bernoulli' for pixels in [0, 1] (paper on MNIST), 'gaussian' for real values; 'auto' picks by the data range.", kind: 'enum', default: 'auto', options: ['auto', 'bernoulli', 'gaussian'] },
] as const satisfies readonly ParamSpec[];

type VadeParams = ParamsOf<typeof VADE_PARAMS>;

function create(ctx: MethodContext<VadeParams>): MethodRun {
  const p = ctx.params;
  // The autoencoder first: every autoencoder method builds it from the first fork, so they share
  // one pretraining (sessions' shared start).
  const ae = createAutoencoder(encoderDims(ctx), ctx.rng.fork());
  const rng = ctx.rng.fork();
  const enc = createGaussianEncoder(ae.encoder, ctx.rng.fork());
  let prior: MixturePrior | null = null;
  let likelihood: Likelihood = 'gaussian';

  const init: Phase = {
    id: 'init',
    label: 'init (Gaussian mixture on the embedding)',
    steps: 0,
    batchSize: p.batchSize,
    begin: async () => {
      likelihood = await chooseLikelihood(ctx.x, p.likelihood);
      if (likelihood === 'bernoulli') outputToLogits(ae);
      const z = mapRows(ctx.x, ae.encode);
      // maxIter 0: the mixture is the M-step on the k-means labels, before any EM iteration.
      const maxIter = p.mixtureInit === 'kmeans' ? 0 : undefined;
      const gmm = await fitGmm(z, { k: ctx.k, rng: rng.fork(), nInit: p.kmeansInit, maxIter });
      z.dispose();
      if (prior) disposePrior(prior);
      prior = createMixturePrior(gmm.weights, gmm.means, gmm.variances);
      tf.dispose([gmm.weights, gmm.means, gmm.variances]);
    },
  };

  const vade: Phase = {
    id: 'vade',
    label: 'VaDE (maximise the ELBO)',
    steps: Math.round((p.vadeEpochs * ctx.n) / p.batchSize),
    batchSize: p.batchSize,
    optimizer: { kind: 'adam', learningRate: p.vadeLr },
    variables: () => [...enc.variables(), ...ae.decoder.variables(), ...priorVariables(prior as MixturePrior)],
    loss: (batch) => {
      if (!prior) throw new Error('VaDE: the mixture prior is missing (init not run)');
      const { mu, logVar } = enc.encode(batch);
      const eps = tf.randomNormal(mu.shape, 0, 1, 'float32', rng.seed()) as tf.Tensor2D;
      const z = enc.sample(mu, logVar, eps);
      const out = ae.decode(z);
      const reconstruction = likelihood === 'bernoulli' ? bernoulliNll(batch, out) : squaredErrorNll(batch, out);
      const { klZ, klC } = mixtureKl(mu, logVar, z, prior);
      return { total: tf.addN([reconstruction, klZ, klC]) as tf.Scalar, parts: { reconstruction, klZ, klC } };
    },
  };

  return {
    phases: [pretrainPhase(ae, ctx), init, vade],
    embed: embedWith(ae),
    assign: (x) => (prior ? mapRows(x, (rows) => tf.exp(logGamma(enc.mean(rows), prior as MixturePrior)) as tf.Tensor2D) : null),
    dispose: () => {
      ae.dispose();
      enc.dispose();
      if (prior) disposePrior(prior);
    },
  };
}

export const vade = defineMethod({
  id: 'vade',
  name: 'VaDE',
  family: 'distribution',
  paper: 'Jiang, Zheng, Tan, Tang & Zhou, IJCAI 2017',
  summary: 'A VAE whose prior is a mixture of Gaussians, one per cluster; a point belongs to the component that most likely generated its code.',
  card: {
    equation: 'ELBO = E_q[log p(x|z)] − KL(q(z,c|x) ‖ p(z,c)),  p(z|c) = N(μ_c, σ_c²)   (Eq. 10–11)',
    steps: [
      'Pretrain an autoencoder and fit a Gaussian mixture on its embedding.',
      'Train a VAE whose prior is that mixture: encoder, decoder and mixture together.',
      'A point belongs to the component with the largest q(c|x).',
    ],
    failureMode: 'Depends on the GMM init; components can die (π_c → 0) and the KL term can collapse the posterior.',
  },
  params: VADE_PARAMS,
  presets: {
    paper: { ...AE_PRESETS.paper, batchSize: 100, vadeEpochs: 3000 },
    // 'kmeans': EM drifted below k-means on the quick embedding (see init above).
    quick: { ...AE_PRESETS.quick, vadeEpochs: 10, mixtureInit: 'kmeans' },
  },
  create,
});

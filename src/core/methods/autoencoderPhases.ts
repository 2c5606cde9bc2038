/**
 * What every autoencoder-based clustering method shares (ClustPy's pretrain → init → refine):
 * the architecture table, the pretraining phase (reconstruction), the k-means initialisation of
 * the centroids on the embedding, and their parameters. DEC, AE + k-means (and later IDEC…) build
 * their phases from these instead of copying them.
 */
import * as tf from '@tensorflow/tfjs';
import { kmeans } from '../cluster/kmeans';
import { mapRows, type Autoencoder } from '../nn/autoencoder';
import type { MethodContext, ParamSpec, ParamsOf, Phase, PresetsOf } from './types';

/** The architectures by name: the enum's options, and the keys AE_ARCHS must have. */
const AE_ARCH_NAMES = ['paper', 'small'] as const;

/** Hidden widths and embedding width; the input width comes from the data. */
export const AE_ARCHS = {
  /** DEC's d–500–500–2000–10 (Xie et al. 2016, §4.3, after van der Maaten 2009). */
  paper: [500, 500, 2000, 10],
  /** A narrower encoder for the quick preset: ~5× fewer FLOPs per sample. */
  small: [500, 500, 10],
} as const satisfies Record<(typeof AE_ARCH_NAMES)[number], readonly number[]>;
export type AeArch = keyof typeof AE_ARCHS;

export const AE_PARAMS = [
  { key: 'arch', label: 'Architecture', help: "Encoder widths: 'paper' d-500-500-2000-10 (DEC), 'small' d-500-500-10 (faster).", kind: 'enum', default: 'paper', options: AE_ARCH_NAMES },
  { key: 'pretrainEpochs', label: 'Pretraining epochs', help: 'Passes over the data training the autoencoder on reconstruction (DEC-keras: 200).', kind: 'int', default: 200, min: 0, max: 1000 },
  { key: 'pretrainLr', label: 'Pretraining learning rate', help: 'Adam step size for the reconstruction loss (DEC-keras: 0.001).', kind: 'float', default: 1e-3, min: 1e-5, max: 1e-1, log: true },
  { key: 'batchSize', label: 'Batch size', help: 'Samples per gradient step, in every phase (paper: 256).', kind: 'int', default: 256, min: 16, max: 2048 },
  { key: 'kmeansInit', label: 'k-means restarts', help: 'k-means++ restarts initialising the centroids; the lowest inertia wins (paper: 20).', kind: 'int', default: 20, min: 1, max: 100 },
] as const satisfies readonly ParamSpec[];

/** The autoencoder parameters, typed; each helper below asks only for the ones it reads. */
export type AeParams = ParamsOf<typeof AE_PARAMS>;

/**
 * Pretraining presets shared by every autoencoder method, so their runs compare one to one.
 * 'quick' was chosen by measurement on MNIST-10k (WASM backend, Node): the small encoder with
 * batch 64 for 30 epochs gives AE + k-means ACC 0.66 / 0.69 (seeds 0 / 1) in ~2–3 minutes, while
 * the paper encoder for 15 epochs (similar time) gives 0.58 and d–256–128–10 for 30 epochs 0.59.
 */
export const AE_PRESETS = {
  paper: { arch: 'paper', pretrainEpochs: 200, batchSize: 256 },
  quick: { arch: 'small', pretrainEpochs: 30, batchSize: 64 },
} as const satisfies PresetsOf<typeof AE_PARAMS>;

/** Encoder dims (input width first) for a context and its validated params. */
export function encoderDims(ctx: MethodContext<Pick<AeParams, 'arch'>>): number[] {
  const arch = AE_ARCHS[ctx.params.arch];
  return [ctx.dim, ...arch];
}

/**
 * Phase 1: train the whole autoencoder on MSE reconstruction with Adam. Every autoencoder method
 * builds its network from the first fork of ctx.rng, so runs with the same architecture and
 * pretraining settings share this phase (`shared`): it is trained once and cached.
 */
export function pretrainPhase(ae: Autoencoder, ctx: MethodContext<Pick<AeParams, 'batchSize' | 'pretrainEpochs' | 'pretrainLr'>>): Phase {
  const { batchSize, pretrainEpochs: epochs, pretrainLr: learningRate } = ctx.params;
  return {
    id: 'pretrain',
    label: 'pretrain (reconstruction)',
    // Epochs × n/batch steps: the same number of samples as epochs over the data.
    steps: Math.round((epochs * ctx.n) / batchSize),
    batchSize,
    shared: `autoencoder ${ae.encoder.dims.join('-')}, ${epochs} epochs, Adam ${learningRate}, batch ${batchSize}`,
    optimizer: { kind: 'adam', learningRate },
    variables: () => ae.variables(),
    loss: (batch) => {
      const reconstruction = ae.reconstructionLoss(batch);
      return { total: reconstruction, parts: { reconstruction } };
    },
  };
}

/** The centroids found by the init phase: a trainable variable (DEC refines it). */
export interface CentroidState {
  mu: tf.Variable | null;
  /** k-means labels of all points. */
  labels: Int32Array | null;
}

/** Phase 2: k-means (k-means++, `kmeansInit` restarts) on the embedding of all points → μ. */
export function kmeansInitPhase(ae: Autoencoder, ctx: MethodContext<Pick<AeParams, 'batchSize' | 'kmeansInit'>>, state: CentroidState): Phase {
  const rng = ctx.rng.fork();
  return {
    id: 'init',
    label: 'init (k-means on the embedding)',
    steps: 0,
    batchSize: ctx.params.batchSize,
    begin: async () => {
      const z = mapRows(ctx.x, ae.encode);
      const res = await kmeans(z, { k: ctx.k, rng, nInit: ctx.params.kmeansInit });
      z.dispose();
      state.mu?.dispose();
      state.mu = tf.variable(res.centroids, true);
      res.centroids.dispose();
      state.labels = res.labels;
    },
  };
}

export function embedWith(ae: Autoencoder): (x: tf.Tensor2D) => tf.Tensor2D {
  return (x) => mapRows(x, ae.encode);
}


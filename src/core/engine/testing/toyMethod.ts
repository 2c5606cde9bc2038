/**
 * A tiny method for engine tests, written against the Method contract only: a linear encoder
 * trained to reconstruct (phase 'fit'), centroids picked from the data ('init'), then a k-means
 * loss on the embedding ('cluster'). Options make it misbehave on purpose (NaN, collapse).
 */
import * as tf from '@tensorflow/tfjs';
import type { Neighbours } from '../../cluster/knn';
import type { Method, MethodContext, MethodRun, Phase } from '../../methods/types';

export interface ToyOptions {
  fitSteps?: number;
  clusterSteps?: number;
  batchSize?: number;
  /** Loss becomes NaN from this cluster step on. */
  nanAtStep?: number;
  /** Every point is assigned to cluster 0. */
  collapse?: boolean;
  /** The 'fit' phase is a shared start under this key (as an autoencoder's pretraining). */
  shared?: string;
  /** Mined neighbours the run reports once it has clusters (as a neighbourhood method would). */
  neighbours?: Neighbours;
}

export function toyMethod(opts: ToyOptions = {}): Method {
  return {
    id: 'toy',
    name: 'Toy',
    family: 'baseline',
    paper: 'test only',
    summary: 'linear autoencoder + k-means loss',
    card: { equation: '-', steps: ['-', '-', '-'], failureMode: '-' },
    params: [],
    create: (ctx) => createToy(ctx, opts),
  };
}

function createToy(ctx: MethodContext, o: ToyOptions): MethodRun {
  const e = 2;
  // tidy frees the initial values; the variables keep their own reference to the data.
  const w = tf.tidy(() => tf.variable(tf.randomNormal([ctx.dim, e], 0, 0.1, 'float32', ctx.rng.seed())));
  const mu = tf.tidy(() => tf.variable(tf.zeros([ctx.k, e])));
  let clustered = false;
  const embed = (x: tf.Tensor2D): tf.Tensor2D => tf.matMul(x, w);
  const sqDist = (z: tf.Tensor2D): tf.Tensor2D =>
    tf.sum(tf.square(tf.sub(tf.expandDims(z, 1), tf.expandDims(mu, 0))), 2) as tf.Tensor2D;

  const fit: Phase = {
    id: 'fit',
    label: 'fit (reconstruction)',
    steps: o.fitSteps ?? 20,
    batchSize: o.batchSize ?? 16,
    optimizer: { kind: 'adam', learningRate: 0.01 },
    shared: o.shared,
    variables: () => [w],
    loss: (batch) => {
      const rec = tf.mean(tf.square(tf.sub(batch, tf.matMul(embed(batch), w, false, true)))) as tf.Scalar;
      return { total: rec, parts: { reconstruction: rec } };
    },
  };
  const init: Phase = {
    id: 'init',
    label: 'init (centroids)',
    steps: 0,
    batchSize: 0,
    begin: async () => {
      const rows = Array.from({ length: ctx.k }, () => ctx.rng.int(ctx.n));
      tf.tidy(() => mu.assign(embed(tf.gather(ctx.x, rows) as tf.Tensor2D)));
      clustered = true;
    },
  };
  const cluster: Phase = {
    id: 'cluster',
    label: 'cluster (k-means loss)',
    steps: o.clusterSteps ?? 20,
    batchSize: o.batchSize ?? 16,
    optimizer: { kind: 'sgd', learningRate: 0.05, momentum: 0.9 },
    variables: () => [w, mu],
    loss: (batch, _idx, step) => {
      const km = tf.mean(tf.min(sqDist(embed(batch)), 1)) as tf.Scalar;
      const total = o.nanAtStep !== undefined && step >= o.nanAtStep ? (tf.mul(km, NaN) as tf.Scalar) : km;
      const reg = tf.mul(tf.sum(tf.square(w)), 1e-4) as tf.Scalar;
      return { total: tf.add(total, reg) as tf.Scalar, parts: { kmeans: total, weightDecay: reg } };
    },
  };
  return {
    phases: [fit, init, cluster],
    embed,
    assign: (x) => {
      if (!clustered) return null;
      const q = tf.softmax(tf.neg(sqDist(embed(x))));
      return o.collapse ? (tf.oneHot(tf.zeros([x.shape[0]], 'int32'), ctx.k).toFloat() as tf.Tensor2D) : q;
    },
    ...(o.neighbours ? { neighbours: () => (clustered ? o.neighbours! : null) } : {}),
    dispose: () => tf.dispose([w, mu]),
  };
}

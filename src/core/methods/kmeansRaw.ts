/**
 * k-means on the raw inputs (Lloyd 1982, k-means++ seeding by Arthur & Vassilvitskii 2007) — the
 * non-deep baseline every deep clustering paper reports. One phase with no gradient steps; the
 * "embedding" is the input itself. k-means is a hard partition, so the soft assignment is one-hot.
 */
import * as tf from '@tensorflow/tfjs';
import { kmeans, nearestCentreOneHot } from '../cluster/kmeans';
import { defineMethod, type MethodContext, type MethodRun, type ParamSpec, type ParamsOf } from './types';

const KMEANS_PARAMS = [
  { key: 'nInit', label: 'Restarts', help: 'k-means++ restarts; the lowest inertia wins (DEC used 20).', kind: 'int', default: 20, min: 1, max: 100 },
  { key: 'maxIter', label: 'Max iterations', help: 'Lloyd iterations per restart (scikit-learn: 300).', kind: 'int', default: 300, min: 1, max: 1000 },
] as const satisfies readonly ParamSpec[];

type KmeansParams = ParamsOf<typeof KMEANS_PARAMS>;

function create(ctx: MethodContext<KmeansParams>): MethodRun {
  const rng = ctx.rng.fork();
  let centroids: tf.Tensor2D | null = null;
  const nearest = (x: tf.Tensor2D): tf.Tensor2D => nearestCentreOneHot(x, centroids as tf.Tensor2D);
  return {
    phases: [
      {
        id: 'kmeans',
        label: 'k-means on the inputs',
        steps: 0,
        batchSize: 1,
        begin: async () => {
          const res = await kmeans(ctx.x, {
            k: ctx.k,
            rng,
            nInit: ctx.params.nInit,
            maxIter: ctx.params.maxIter,
          });
          centroids?.dispose();
          centroids = res.centroids;
        },
      },
    ],
    embed: (x) => x.clone(),
    assign: (x) => (centroids ? nearest(x) : null),
    dispose: () => centroids?.dispose(),
  };
}

export const kmeansRaw = defineMethod({
  id: 'kmeans',
  name: 'k-means',
  family: 'baseline',
  paper: 'Lloyd 1982; k-means++ seeding: Arthur & Vassilvitskii, SODA 2007',
  summary: 'k-means on the raw inputs: the non-deep baseline.',
  card: {
    equation: 'min Σᵢ ‖xᵢ − μ_c(i)‖²',
    steps: [
      'Place k centres with k-means++ (several restarts).',
      'Assign each input to its nearest centre; move each centre to its points\' mean.',
      'Repeat until nothing moves; keep the restart with the lowest inertia.',
    ],
    failureMode: 'Pixel distance is not semantic distance: the same digit drawn thicker or shifted lands in another cluster.',
  },
  embedding: 'input',
  params: KMEANS_PARAMS,
  create,
});

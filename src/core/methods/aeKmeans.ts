/**
 * AE + k-means — the baseline DEC improves on (Xie et al. 2016, Table 2 "AE+k-means"): pretrain
 * the same autoencoder on reconstruction, then run k-means on its embedding and stop. The soft
 * assignment shown is DEC's Student-t kernel (α = 1) around the k-means centroids, so confidences
 * compare directly with DEC's.
 */
import * as tf from '@tensorflow/tfjs';
import { createAutoencoder, mapRows } from '../nn/autoencoder';
import { softAssign } from '../nn/studentT';
import { AE_PARAMS, AE_PRESETS, embedWith, encoderDims, kmeansInitPhase, pretrainPhase, type AeParams, type CentroidState } from './autoencoderPhases';
import { defineMethod, type MethodContext, type MethodRun } from './types';

function create(ctx: MethodContext<AeParams>): MethodRun {
  const ae = createAutoencoder(encoderDims(ctx), ctx.rng.fork());
  const state: CentroidState = { mu: null, labels: null };
  return {
    phases: [pretrainPhase(ae, ctx), kmeansInitPhase(ae, ctx, state)],
    embed: embedWith(ae),
    assign: (x) => (state.mu ? mapRows(x, (rows) => softAssign(ae.encode(rows), state.mu as tf.Tensor2D, 1)) : null),
    dispose: () => {
      ae.dispose();
      state.mu?.dispose();
    },
  };
}

export const aeKmeans = defineMethod({
  id: 'ae-kmeans',
  name: 'AE + k-means',
  family: 'baseline',
  paper: 'baseline in Xie, Girshick & Farhadi, ICML 2016',
  summary: 'Pretrain an autoencoder on reconstruction, then run k-means on its embedding — no clustering loss.',
  card: {
    equation: 'min ‖x − g(f(x))‖², then min Σᵢ ‖f(xᵢ) − μ_c(i)‖²',
    steps: [
      'Train an autoencoder to reconstruct the inputs.',
      'Embed every point with the encoder.',
      'Run k-means on the embedding — the clustering never shapes the features.',
    ],
    failureMode: 'Reconstruction keeps what helps redraw an image (stroke width, slant), not what separates classes; k-means then splits along those.',
  },
  params: AE_PARAMS,
  // Same pretraining as DEC's presets, so the two are comparable run for run.
  presets: { paper: { ...AE_PRESETS.paper }, quick: { ...AE_PRESETS.quick } },
  create,
});

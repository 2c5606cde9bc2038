/**
 * TAC — Li, Hu, Peng, Zhou, Liu & Peng, "Image Clustering with External Guidance", ICML 2024, in
 * its training-free form ("TAC w/o training", §3.2 and Table 1 of the paper): text counterparts
 * make k-means on CLIP image features more discriminative.
 *  1. nouns t_j embedded by CLIP's text encoder ("a photo of a {noun}.");
 *  2. each image v_i retrieves its text counterpart by soft retrieval (Eq. 2):
 *       s_i = Σ_j softmax_j(cos(v_i, t_j)/τ) t_j
 *  3. k-means on the concatenation [v_i, s_i] (both halves L2-normalised).
 * Simplifications: TAC selects its nouns from WordNet (the nouns nearest to image semantic
 * centres); here the nouns are the user's class names, or, without them, a short generic list
 * shipped with the app (external/defaultNouns.ts). The trained variant (cross-modal mutual
 * distillation) is not implemented.
 * Defaults from the authors' code: τ = 0.005 (their CIFAR-10 setting), k-means with 10 restarts
 * and up to 300 iterations (their faiss settings, nredo = 10, niter = 300).
 */
import * as tf from '@tensorflow/tfjs';
import { kmeans, nearestCentreOneHot } from '../cluster/kmeans';
import { DEFAULT_NOUNS } from '../external/defaultNouns';
import { normaliseRowsInPlace } from '../external/hostRows';
import { softRetrieval } from '../external/textGuidance';
import { cleanNames, clipInputs, PROMPT_PARAM, type ClipInputs } from './clipInputs';
import { frozenRows } from './frozenRows';
import { defineMethod, type ParamSpec } from './types';

const TAC_PARAMS = [
  PROMPT_PARAM,
  { key: 'temperature', label: 'Retrieval temperature τ', help: 'Softmax temperature of the soft retrieval of nouns (authors’ code: 0.005).', kind: 'float', default: 0.005, min: 0.0005, max: 1, log: true },
  { key: 'nInit', label: 'Restarts', help: 'k-means++ restarts; the lowest inertia wins (authors’ code: 10).', kind: 'int', default: 10, min: 1, max: 100 },
  { key: 'maxIter', label: 'Max iterations', help: 'Lloyd iterations per restart (authors’ code: 300).', kind: 'int', default: 300, min: 1, max: 1000 },
] as const satisfies readonly ParamSpec[];

/** [v, s] rows: the image feature and its retrieved text counterpart, each of unit length. */
export function withTextCounterparts(features: Float32Array, texts: Float32Array, d: number, temperature: number): Float32Array {
  const counterparts = normaliseRowsInPlace(softRetrieval(features, texts, d, temperature), d);
  const n = features.length / d;
  const out = new Float32Array(n * 2 * d);
  for (let i = 0; i < n; i++) {
    out.set(features.subarray(i * d, (i + 1) * d), i * 2 * d);
    out.set(counterparts.subarray(i * d, (i + 1) * d), i * 2 * d + d);
  }
  return out;
}

export const tac = defineMethod({
  id: 'tac',
  name: 'TAC (CLIP, no training)',
  family: 'external',
  visionLanguage: true,
  paper: 'Li, Hu, Peng, Zhou, Liu & Peng, ICML 2024',
  summary: 'Each image retrieves a text counterpart from nouns (your class names, or a shipped list) in CLIP’s space; k-means on image and text together.',
  card: {
    equation: 's_i = Σ_j softmax_j(cos(v_i, t_j)/τ) t_j;  k-means on [v_i, s_i]   (Eq. 2)',
    steps: [
      'Embed the images and the nouns with CLIP.',
      'For each image, blend the nouns nearest to it into a text counterpart.',
      'Run k-means on the image features joined with their text counterparts.',
    ],
    failureMode: 'Nouns that do not describe the data (digits called “a photo of a cat”) add noise instead of meaning; k-means still assumes round clusters.',
  },
  params: TAC_PARAMS,
  create(ctx) {
    const p = ctx.params;
    const kmeansRng = ctx.rng.fork();
    let inputs: ClipInputs | null = null;
    let joined: tf.Tensor2D | null = null;
    let centroids: tf.Tensor2D | null = null;

    const rowsOf = (x: tf.Tensor2D, rows?: Int32Array): tf.Tensor2D => frozenRows(joined!, x, rows, 'TAC');

    return {
      phases: [
        {
          id: 'tac',
          label: 'CLIP features, text counterparts, k-means',
          steps: 0,
          batchSize: 1,
          begin: async () => {
            const names = cleanNames(ctx.external?.classNames);
            inputs = await clipInputs(ctx, 'TAC', names.length > 0 ? names : DEFAULT_NOUNS, p.prompt);
            const rows = withTextCounterparts(inputs.hostFeatures, inputs.texts, inputs.dim, p.temperature);
            joined = tf.tensor2d(rows, [ctx.n, 2 * inputs.dim]);
            const res = await kmeans(joined, { k: ctx.k, rng: kmeansRng, nInit: p.nInit, maxIter: p.maxIter });
            centroids = res.centroids;
          },
        },
      ],
      embed: (x, rows) => (joined ? rowsOf(x, rows) : x.clone()),
      assign: (x, rows) => {
        const c = centroids;
        if (!c) return null;
        return tf.tidy(() => nearestCentreOneHot(rowsOf(x, rows), c));
      },
      dispose: () => {
        inputs?.features.dispose();
        tf.dispose([joined, centroids].filter((t): t is tf.Tensor2D => t !== null));
      },
    };
  },
});

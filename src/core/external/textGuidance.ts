/**
 * Text as guidance for image clusters, on unit-length CLIP embeddings held on the host (n images
 * × d and m texts × d): the pure parts of SIC and TAC, testable on hand-made vectors.
 *  - pseudo-labels: each image's nearest text centre, with the softmax probability of
 *    cos(v, t)/τ as its confidence (SIC's image-to-semantic-centre assignment);
 *  - confident rows: per pseudo-class, the most confident share (SIC trains on confident ones);
 *  - soft retrieval: each image's text counterpart Σ_j softmax_j(cos(v, t_j)/τ) t_j (TAC, Eq. 2).
 */
import { dotRows } from './hostRows';

/** Row-wise softmax of `logits` (n × m) in place. */
function softmaxRowsInPlace(logits: Float32Array, m: number): Float32Array {
  for (let r = 0; r < logits.length; r += m) {
    let max = -Infinity;
    for (let j = 0; j < m; j++) max = Math.max(max, logits[r + j]);
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const e = Math.exp(logits[r + j] - max);
      logits[r + j] = e;
      sum += e;
    }
    for (let j = 0; j < m; j++) logits[r + j] /= sum;
  }
  return logits;
}

/** p(j | image i) = softmax_j(cos(v_i, t_j)/τ): n × m. */
export function textProbabilities(images: Float32Array, texts: Float32Array, d: number, temperature: number): Float32Array {
  if (!(temperature > 0)) throw new Error(`temperature must be positive, got ${temperature}`);
  const m = texts.length / d;
  if (m < 1) throw new Error('no texts to compare the images with');
  const logits = dotRows(images, texts, d);
  for (let i = 0; i < logits.length; i++) logits[i] /= temperature;
  return softmaxRowsInPlace(logits, m);
}

export interface PseudoLabels {
  /** Index of the nearest text per image. */
  labels: Int32Array;
  /** Its softmax probability. */
  confidence: Float32Array;
}

/** Every image's nearest text centre and how sure that is. */
export function textPseudoLabels(images: Float32Array, texts: Float32Array, d: number, temperature: number): PseudoLabels {
  const m = texts.length / d;
  const p = textProbabilities(images, texts, d, temperature);
  const n = images.length / d;
  const labels = new Int32Array(n);
  const confidence = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let arg = 0;
    for (let j = 1; j < m; j++) if (p[i * m + j] > p[i * m + arg]) arg = j;
    labels[i] = arg;
    confidence[i] = p[i * m + arg];
  }
  return { labels, confidence };
}

/**
 * 1 for the `share` most confident images of each pseudo-class (at least one of every class
 * that has images), 0 for the rest. Per class rather than one global threshold, so a class CLIP
 * is less sure of still has training targets.
 */
export function confidentPerClass({ labels, confidence }: PseudoLabels, classes: number, share: number): Float32Array {
  if (!(share > 0 && share <= 1)) throw new Error(`share must be in (0, 1], got ${share}`);
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((c, i) => byClass[c].push(i));
  const keep = new Float32Array(labels.length);
  for (const rows of byClass) {
    rows.sort((a, b) => confidence[b] - confidence[a]);
    const count = Math.max(rows.length > 0 ? 1 : 0, Math.round(rows.length * share));
    for (let r = 0; r < count; r++) keep[rows[r]] = 1;
  }
  return keep;
}

/** TAC's text counterpart of every image: Σ_j softmax_j(cos(v, t_j)/τ) t_j, n × d (not normalised). */
export function softRetrieval(images: Float32Array, texts: Float32Array, d: number, temperature: number): Float32Array {
  const m = texts.length / d;
  const p = textProbabilities(images, texts, d, temperature);
  const n = images.length / d;
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const w = p[i * m + j];
      if (w < 1e-12) continue;
      for (let t = 0; t < d; t++) out[i * d + t] += w * texts[j * d + t];
    }
  }
  return out;
}

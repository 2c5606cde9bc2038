/**
 * Small 2-D toy sets for seeing what a prior does: blobs are convex (k-means solves them), moons
 * and circles are not (a centroid prior fails, a neighbourhood prior succeeds). Shapes follow
 * scikit-learn's make_blobs / make_moons / make_circles. Rows are shuffled and each feature is
 * standardised (zero mean, unit variance), so learning rates do not depend on the set.
 */
import type { Dataset } from './dataset';
import { permutation, type Rng } from '../rng';

export interface SyntheticOptions {
  /** Number of points (default 1,500). */
  n?: number;
  /** Gaussian noise added to each coordinate, in the set's own units before standardising. */
  noise?: number;
}

export interface BlobsOptions extends SyntheticOptions {
  /** Number of blobs = classes (default 5). */
  k?: number;
}

export const SYNTHETIC_N = 1500;

/** Class sizes as even as possible: the first n % k classes get one extra point. */
function classSizes(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, c) => Math.floor(n / k) + (c < n % k ? 1 : 0));
}

/** Shuffles rows (so batches mix classes), standardises each column, and wraps a Dataset. */
function finish(id: string, name: string, xy: Float64Array, labels: Int32Array, k: number, rng: Rng): Dataset {
  const n = labels.length;
  const order = permutation(n, rng);
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let j = 0; j < 2; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += xy[2 * i + j];
    mean /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (xy[2 * i + j] - mean) ** 2;
    const sd = Math.sqrt(v / n) || 1;
    for (let i = 0; i < n; i++) x[2 * i + j] = (xy[2 * order[i] + j] - mean) / sd;
  }
  for (let i = 0; i < n; i++) y[i] = labels[order[i]];
  return {
    id,
    name,
    n,
    dim: 2,
    x,
    labels: y,
    classNames: Array.from({ length: k }, (_, c) => String(c)),
    numClasses: k,
  };
}

/** k isotropic Gaussians with centres evenly spaced on a circle (random phase), well apart. */
export function blobs(rng: Rng, opts: BlobsOptions = {}): Dataset {
  const n = opts.n ?? SYNTHETIC_N;
  const k = opts.k ?? 5;
  const noise = opts.noise ?? 1;
  // Radius so neighbouring centres are ~9 noise units apart: separable, yet not trivially far.
  const radius = (4.5 * noise) / Math.sin(Math.PI / Math.max(k, 2));
  const phase = rng.next() * 2 * Math.PI;
  const xy = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  let i = 0;
  classSizes(n, k).forEach((size, c) => {
    const a = phase + (2 * Math.PI * c) / k;
    const cx = radius * Math.cos(a);
    const cy = radius * Math.sin(a);
    for (let s = 0; s < size; s++, i++) {
      xy[2 * i] = cx + noise * rng.normal();
      xy[2 * i + 1] = cy + noise * rng.normal();
      labels[i] = c;
    }
  });
  return finish('blobs', 'Blobs', xy, labels, k, rng);
}

/** Two interleaving half circles (make_moons). */
export function moons(rng: Rng, opts: SyntheticOptions = {}): Dataset {
  const n = opts.n ?? SYNTHETIC_N;
  const noise = opts.noise ?? 0.1;
  const [outer, inner] = classSizes(n, 2);
  const xy = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const isInner = i >= outer;
    const size = isInner ? inner : outer;
    const t = (Math.PI * (isInner ? i - outer : i)) / Math.max(size - 1, 1);
    const px = isInner ? 1 - Math.cos(t) : Math.cos(t);
    const py = isInner ? 0.5 - Math.sin(t) : Math.sin(t);
    xy[2 * i] = px + noise * rng.normal();
    xy[2 * i + 1] = py + noise * rng.normal();
    labels[i] = isInner ? 1 : 0;
  }
  return finish('moons', 'Two moons', xy, labels, 2, rng);
}

/** A small circle inside a large one (make_circles); both classes share the same mean. */
export function circles(rng: Rng, opts: SyntheticOptions & { factor?: number } = {}): Dataset {
  const n = opts.n ?? SYNTHETIC_N;
  const noise = opts.noise ?? 0.05;
  const factor = opts.factor ?? 0.5;
  const [outer, inner] = classSizes(n, 2);
  const xy = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const isInner = i >= outer;
    const t = (2 * Math.PI * (isInner ? i - outer : i)) / (isInner ? inner : outer);
    const r = isInner ? factor : 1;
    xy[2 * i] = r * Math.cos(t) + noise * rng.normal();
    xy[2 * i + 1] = r * Math.sin(t) + noise * rng.normal();
    labels[i] = isInner ? 1 : 0;
  }
  return finish('circles', 'Circles', xy, labels, 2, rng);
}

/**
 * Derived datasets used in the clustering literature's robustness experiments: an imbalanced
 * subsample (DEC §5.4, DCSS §4.6) and two datasets as one ('2MNIST': MNIST + Fashion-MNIST as
 * 20 classes); and a plain subset of rows (the row cap). All copy rows; the inputs are left untouched.
 */
import { createRng } from '../../rng';
import type { Dataset } from '../dataset';

function rowsOf(d: Dataset, keep: number[]): Float32Array {
  const x = new Float32Array(keep.length * d.dim);
  keep.forEach((i, r) => x.set(d.x.subarray(i * d.dim, (i + 1) * d.dim), r * d.dim));
  return x;
}

/** The rows `keep` (ascending indices) of d, with its classes as they are. */
export function keepRows(d: Dataset, keep: number[]): Dataset {
  const labels = d.labels;
  return { ...d, n: keep.length, x: rowsOf(d, keep), ...(labels ? { labels: Int32Array.from(keep, (i) => labels[i]) } : {}) };
}

/**
 * Keeps each point of class c (0-based, of C classes) with probability r + (1 − r) · c / (C − 1):
 * class 0 keeps a fraction r, the last class keeps everything, the others lie linearly between.
 * Deterministic for a seed. Needs labels and at least 2 classes; r in (0, 1].
 */
export function subsampleImbalanced(d: Dataset, r: number, seed: number): Dataset {
  if (!(r > 0 && r <= 1)) throw new Error(`subsampleImbalanced: the retention rate r must be in (0, 1], got ${r}`);
  if (!d.labels) throw new Error(`subsampleImbalanced: '${d.name}' has no labels, and the imbalance is defined per class`);
  const classes = d.numClasses;
  if (classes < 2) throw new Error(`subsampleImbalanced: '${d.name}' has ${classes} class; an imbalance needs at least 2`);
  const rng = createRng(seed);
  const keep: number[] = [];
  for (let i = 0; i < d.n; i++) {
    const c = d.labels[i];
    if (c < 0 || c >= classes) throw new Error(`subsampleImbalanced: row ${i} has label ${c}, outside 0..${classes - 1}`);
    // One draw per row, whatever its class, so the kept set changes smoothly with r.
    if (rng.next() < r + ((1 - r) * c) / (classes - 1)) keep.push(i);
  }
  return { ...keepRows(d, keep), id: `${d.id}-imbalanced-${r}`, name: `${d.name} (imbalanced, r = ${r})` };
}

function classNamesOf(d: Dataset): string[] {
  return Array.from({ length: d.numClasses }, (_, c) => d.classNames?.[c] ?? String(c));
}

/**
 * a's rows then b's, as one dataset with a's classes then b's: b's labels are shifted by
 * a.numClasses. Class names are prefixed with the dataset's name when the two sets share a name
 * (MNIST's '0' and Fashion-MNIST's '0'). Both need the same dim, and both labels or neither.
 */
export function concatDatasets(a: Dataset, b: Dataset, id: string, name: string): Dataset {
  if (a.dim !== b.dim) {
    throw new Error(`Cannot combine '${a.name}' (${a.dim} values per row) with '${b.name}' (${b.dim}): they need the same dim`);
  }
  if (!a.labels !== !b.labels) {
    const unlabelled = a.labels ? b : a;
    throw new Error(`Cannot combine '${a.name}' with '${b.name}': '${unlabelled.name}' has no labels, so the classes would not line up`);
  }
  const x = new Float32Array((a.n + b.n) * a.dim);
  x.set(a.x.subarray(0, a.n * a.dim));
  x.set(b.x.subarray(0, b.n * b.dim), a.n * a.dim);
  const sameImage =
    a.image && b.image && a.image.width === b.image.width && a.image.height === b.image.height && a.image.channels === b.image.channels;
  const combined: Dataset = {
    id,
    name,
    n: a.n + b.n,
    dim: a.dim,
    x,
    numClasses: a.numClasses + b.numClasses,
    ...(sameImage ? { image: a.image } : {}),
  };
  if (!a.labels || !b.labels) return combined;

  const labels = new Int32Array(a.n + b.n);
  labels.set(a.labels.subarray(0, a.n));
  for (let i = 0; i < b.n; i++) labels[a.n + i] = b.labels[i] + a.numClasses;
  const namesA = classNamesOf(a);
  const namesB = classNamesOf(b);
  const clash = namesA.some((n) => namesB.includes(n));
  const classNames = clash ? [...namesA.map((n) => `${a.name}: ${n}`), ...namesB.map((n) => `${b.name}: ${n}`)] : [...namesA, ...namesB];
  return { ...combined, labels, classNames };
}

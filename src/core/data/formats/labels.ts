/**
 * Shared label helpers for the file parsers. Integer class ids are remapped to 0..k-1 in
 * ascending order of value, so files that already use 0..9 (MNIST, CIFAR, most .npy exports) keep
 * their ids, and sparse ids (e.g. {3, 7}) do not leave empty classes. Class names are the
 * original values as strings.
 */

/** Number of clusters suggested (the Dataset's numClasses) when a file has no labels. */
export const DEFAULT_K_UNLABELLED = 10;

export interface RemappedLabels {
  labels: Int32Array;
  classNames: string[];
}

/** Remaps integer class ids to 0-based ids in ascending order of value. */
export function remapIntegerLabels(values: ArrayLike<number>): RemappedLabels {
  const distinct = Array.from(new Set(Array.from(values))).sort((a, b) => a - b);
  const idOf = new Map<number, number>();
  distinct.forEach((v, i) => idOf.set(v, i));
  const labels = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) labels[i] = idOf.get(values[i]) as number;
  return { labels, classNames: distinct.map(String) };
}

/** Strips the usual dataset suffixes so 'train-images-idx3-ubyte.gz' reads as 'train-images'. */
export function baseName(fileName: string): string {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.gz$/i, '');
  return stem.replace(/([-.]idx\d-ubyte|\.idx\d?|\.ubyte|\.npy|\.bin|\.csv|\.tsv|\.txt)$/i, '') || stem;
}

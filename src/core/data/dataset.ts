/**
 * A dataset as columns: one row-major Float32Array of features plus optional labels.
 * Everything downstream (engine, metrics, galleries) reads only this shape.
 */
export interface ImageShape {
  width: number;
  height: number;
  channels: 1 | 3;
}

export interface Dataset {
  /** Stable id used in URLs and the CLI, e.g. 'mnist-10k'. */
  id: string;
  name: string;
  n: number;
  dim: number;
  /** n × dim features, row-major. Images are scaled to [0, 1]. */
  x: Float32Array;
  /** Ground-truth class per row, when known (0-based). */
  labels?: Int32Array;
  classNames?: string[];
  /** Number of classes, the default k. */
  numClasses: number;
  /** Present when rows are images, so the UI can draw thumbnails. */
  image?: ImageShape;
}

export function datasetRow(d: Dataset, i: number): Float32Array {
  return d.x.subarray(i * d.dim, (i + 1) * d.dim);
}

/** What the page is told about a dataset: everything but its numbers. */
export interface DatasetInfo {
  id: string;
  name: string;
  n: number;
  dim: number;
  numClasses: number;
  classNames?: string[];
  image?: ImageShape;
}

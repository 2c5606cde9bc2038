/**
 * Decoded images → Dataset. Rows are written straight into one preallocated Float32Array as
 * each image is decoded, so at no point are all the RGBA buffers held at once (20,000 images at
 * 64 × 64 would be 330 MB of RGBA on top of the dataset itself).
 */
import type { Dataset } from '../dataset';
import { DEFAULT_K_UNLABELLED } from '../formats';
import { rgbaToRow, rowLength } from './pixels';
import type { PreprocessOptions } from './types';

/** Id of every dataset built from a drop (it cannot be reloaded from a link). */
export const USER_DATASET_ID = 'user';

export interface ClassLabels {
  labels?: Int32Array;
  classNames?: string[];
}

export interface BuiltDataset {
  dataset: Dataset;
  /** Source path of each row, in row order. */
  paths: string[];
}

export interface ImageRows {
  /** Processes one decoded image (RGBA, size × size × 4) into the next row. */
  add(path: string, rgba: Uint8ClampedArray | Uint8Array): void;
  readonly count: number;
  /** The processed row i (a view, valid until finish). */
  row(i: number): Float32Array;
  /** The dataset of the rows added so far; `labels` must hold one label per row when given. */
  finish(labels: ClassLabels, name: string): BuiltDataset;
}

export function createImageRows(capacity: number, opts: PreprocessOptions): ImageRows {
  const dim = rowLength(opts);
  let x = new Float32Array(capacity * dim);
  const paths: string[] = [];
  return {
    add(path, rgba) {
      if (paths.length >= capacity) throw new Error(`createImageRows: more than the ${capacity} rows reserved`);
      rgbaToRow(rgba, opts, x, paths.length * dim);
      paths.push(path);
    },
    get count() {
      return paths.length;
    },
    row: (i) => x.subarray(i * dim, (i + 1) * dim),
    finish(labels, name) {
      const n = paths.length;
      if (labels.labels && labels.labels.length !== n) {
        throw new Error(`createImageRows: ${labels.labels.length} labels for ${n} rows`);
      }
      // Decoding failures leave reserved rows unused; hand back only the filled part.
      if (x.length !== n * dim) x = x.slice(0, n * dim);
      const labelled = labels.labels !== undefined && labels.classNames !== undefined;
      const dataset: Dataset = {
        id: USER_DATASET_ID,
        name,
        n,
        dim,
        x,
        // Without labels k is a guess; more clusters than points would leave some empty.
        numClasses: labelled ? (labels.classNames as string[]).length : Math.min(DEFAULT_K_UNLABELLED, n),
        image: { width: opts.size, height: opts.size, channels: opts.color === 'rgb' ? 3 : 1 },
        ...(labelled ? { labels: labels.labels, classNames: labels.classNames } : {}),
      };
      return { dataset, paths: paths.slice() };
    },
  };
}

/** All rows at once: images already decoded to size × size RGBA. */
export function imageDataset(
  rows: { path: string; rgba: Uint8ClampedArray | Uint8Array }[],
  labels: ClassLabels,
  opts: PreprocessOptions,
  name: string,
): BuiltDataset {
  const builder = createImageRows(rows.length, opts);
  for (const r of rows) builder.add(r.path, r.rgba);
  return builder.finish(labels, name);
}

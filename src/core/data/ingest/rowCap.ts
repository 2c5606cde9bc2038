/**
 * One cap on the rows a drop loads, whatever its format: at most MAX_IMAGES (fewer when the
 * float array would pass MAX_DATASET_FLOATS), spread evenly over the rows, with the same message
 * everywhere. Beyond that a browser tab decodes, trains and projects for minutes.
 */
import { formatCount } from './text';
import { MAX_DATASET_FLOATS, MAX_IMAGES } from './types';

/**
 * Indices of `keep` items spread evenly over `total`: a cap that takes the first images in path
 * order would drop whole class folders (the last ones alphabetically), so every class keeps its share.
 */
export function evenlySpaced(total: number, keep: number): number[] {
  if (keep >= total) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: keep }, (_, i) => Math.floor((i * total) / keep));
}

/** The most rows of `dim` values that load: `maxRows` (default MAX_IMAGES), fewer for very wide rows. */
export function rowLimit(dim: number, maxRows = MAX_IMAGES): number {
  return Math.max(1, Math.min(maxRows, Math.floor(MAX_DATASET_FLOATS / Math.max(1, dim))));
}

/** What a capped drop says: '20,000 of 30,000 images loaded, spread evenly over the folders; …'. */
export function capNotice(kept: number, total: number, unit: 'images' | 'rows', source: 'folder' | 'file'): string {
  return (
    `${formatCount(kept)} of ${formatCount(total)} ${unit} loaded, spread evenly over the ${source}s; ` +
    `the rest were left out (limit ${formatCount(kept)}) — drop a smaller ${source} or a sample`
  );
}

/**
 * The shapes shared by every step of turning dropped files into a Dataset: the raw inputs, the
 * per-file problems that are reported (never thrown), and the preprocessing the user can change.
 */

/** One file as dropped: its path relative to the drop (forward slashes), and its bytes. */
export interface InputFile {
  path: string;
  bytes: Uint8Array;
}

/** A file that was skipped, and why, in words a user can act on. */
export interface IngestProblem {
  path: string;
  message: string;
}

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

export interface PreprocessOptions {
  /** Side of the square every image is brought to. */
  size: 28 | 32 | 64;
  color: 'gray' | 'rgb';
  /** letterbox: the whole image, padded to a square; crop: the centre square, filled. */
  fit: 'letterbox' | 'crop';
  /** unit: pixel / 255; stretch: each image's own min..max mapped to 0..1 (contrast). */
  normalize: 'unit' | 'stretch';
}

export const DEFAULT_PREPROCESS: PreprocessOptions = { size: 28, color: 'gray', fit: 'letterbox', normalize: 'unit' };

/**
 * More images than this are not decoded: that many load, spread evenly over the path order (so every
 * class folder keeps its share), with a message.
 */
export const MAX_IMAGES = 20_000;

/**
 * The decoded dataset's floats are capped too (512 MB): 20,000 colour images at 64 × 64 would be
 * a 1 GB array, more than a tab can hold next to the model. Bigger sizes mean fewer images.
 */
export const MAX_DATASET_FLOATS = 128 * 1024 * 1024;

/** Larger images are refused before decoding (a 10,000 × 10,000 image would need 400 MB). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Zips inside zips are opened this many levels deep. */
export const MAX_ZIP_DEPTH = 3;

/** The most all archives and .gz files of one drop may expand to together (one entry: MAX_INFLATED_BYTES). */
export const MAX_DROP_INFLATED_BYTES = 1_000_000_000;

/**
 * Pixel preprocessing shared by the browser decoder and the tests: where an image lands in the
 * size × size square (fitRect, in drawImage's terms), and how its RGBA pixels become one row of
 * the dataset (rgbaToRow).
 *
 * Transparent pixels and letterbox padding become black (alpha is composited over black):
 * MNIST-style data is light strokes on a black background, black is 0 in every channel so the
 * padding adds no signal of its own, and a transparent canvas reads back as (0, 0, 0, 0) anyway.
 * The flip side: dark strokes on a transparent background vanish; flatten such images first.
 */
import type { PreprocessOptions } from './types';

export interface FitRect {
  /** Source rectangle in the image, in pixels. */
  sx: number;
  sy: number;
  sw: number;
  sh: number;
  /** Destination rectangle in the size × size square, in pixels. */
  dx: number;
  dy: number;
  dw: number;
  dh: number;
}

/**
 * letterbox: the whole image, scaled (up or down) so its long side fills the square, centred,
 * the rest padded. crop: the centred square of the image's short side, filling the square.
 * Destination sides are whole pixels, at least 1, so a 1000 × 1 line still draws.
 */
export function fitRect(srcW: number, srcH: number, size: number, fit: PreprocessOptions['fit']): FitRect {
  if (fit === 'crop') {
    const side = Math.min(srcW, srcH);
    return { sx: Math.floor((srcW - side) / 2), sy: Math.floor((srcH - side) / 2), sw: side, sh: side, dx: 0, dy: 0, dw: size, dh: size };
  }
  const scale = size / Math.max(srcW, srcH);
  const dw = Math.max(1, Math.min(size, Math.round(srcW * scale)));
  const dh = Math.max(1, Math.min(size, Math.round(srcH * scale)));
  return { sx: 0, sy: 0, sw: srcW, sh: srcH, dx: Math.floor((size - dw) / 2), dy: Math.floor((size - dh) / 2), dw, dh };
}

/** Values per row for these options: size × size, times 3 for colour. */
export function rowLength(opts: PreprocessOptions): number {
  return opts.size * opts.size * (opts.color === 'rgb' ? 3 : 1);
}

/**
 * Writes one image (RGBA, size × size × 4, straight alpha as getImageData returns it) into
 * `out` at `offset`: rowLength(opts) floats in [0, 1], channels last (RGBRGB…) for colour.
 * Grey is the ITU-R BT.601 luma 0.299 R + 0.587 G + 0.114 B of the stored (gamma-encoded) values,
 * the same as PIL's convert('L') and OpenCV's cvtColor, so a set converted there matches.
 * normalize 'unit' divides by 255; 'stretch' maps the image's own min..max (over all its
 * channels, so hues are kept) to 0..1, and a constant image to all zeros.
 */
export function rgbaToRow(rgba: Uint8ClampedArray | Uint8Array, opts: PreprocessOptions, out: Float32Array, offset: number): void {
  const pixels = opts.size * opts.size;
  if (rgba.length !== pixels * 4) {
    throw new Error(`rgbaToRow: expected ${pixels * 4} RGBA values for ${opts.size} × ${opts.size}, got ${rgba.length}`);
  }
  const channels = opts.color === 'rgb' ? 3 : 1;
  const end = offset + pixels * channels;
  if (end > out.length) throw new Error(`rgbaToRow: row ends at ${end}, past the output's ${out.length} values`);

  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < pixels; p++) {
    const alpha = rgba[4 * p + 3] / 255;
    const r = rgba[4 * p] * alpha;
    const g = rgba[4 * p + 1] * alpha;
    const b = rgba[4 * p + 2] * alpha;
    if (channels === 1) {
      const v = 0.299 * r + 0.587 * g + 0.114 * b;
      out[offset + p] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    } else {
      const at = offset + 3 * p;
      out[at] = r;
      out[at + 1] = g;
      out[at + 2] = b;
      min = Math.min(min, r, g, b);
      max = Math.max(max, r, g, b);
    }
  }

  const [shift, range] = opts.normalize === 'stretch' ? [min, max - min] : [0, 255];
  // A constant image has no contrast to stretch: all zeros rather than a division by zero.
  if (!(range > 0)) {
    out.fill(0, offset, end);
    return;
  }
  for (let i = offset; i < end; i++) out[i] = (out[i] - shift) / range;
}

/** A processed row back to bytes (0..255, channels last) for previews and thumbnails. */
export function rowToBytes(row: Float32Array): Uint8Array {
  const bytes = new Uint8Array(row.length);
  for (let i = 0; i < row.length; i++) bytes[i] = Math.round(Math.min(1, Math.max(0, row[i])) * 255);
  return bytes;
}

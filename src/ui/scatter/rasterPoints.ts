/**
 * Points written straight into an RGBA pixel buffer through a precomputed coverage "stamp".
 *
 * Why not canvas paths: Chromium records a path of thousands of arcs or rects as a display list
 * and rasterises it on the main thread when the frame is committed — 75–105 ms for 70,000 points,
 * and 25–50 ms long tasks for 5,000 circles while training. Blending a few pixels per point into an
 * ImageData and putting it once costs a few milliseconds at 70,000 points, and the canvas then only
 * uploads a bitmap. The blend is the canvas's own "source-over" on non-premultiplied RGBA.
 */
import { rgb } from 'd3';

export interface PixelRect {
  x0: number;
  y0: number;
  /** Exclusive. */
  x1: number;
  y1: number;
}

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Coverage (0–1) of a point's pixels: side × side values, row-major, centred on the point. */
export interface Stamp {
  side: number;
  coverage: Float32Array;
}

/**
 * The stamp of a point `size` device pixels across: a filled square, or a disc whose edge pixels
 * are covered fractionally (4 × 4 samples per pixel), so small circles look round.
 */
export function makeStamp(size: number, shape: 'circle' | 'square'): Stamp {
  const d = Math.max(1, size);
  const side = shape === 'square' ? Math.max(1, Math.round(d)) : Math.max(1, Math.ceil(d));
  const coverage = new Float32Array(side * side);
  if (shape === 'square') return { side, coverage: coverage.fill(1) };
  const c = side / 2;
  const r2 = (d / 2) * (d / 2);
  const SUB = 4;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUB; sy++) {
        for (let sx = 0; sx < SUB; sx++) {
          const dx = x + (sx + 0.5) / SUB - c;
          const dy = y + (sy + 0.5) / SUB - c;
          if (dx * dx + dy * dy <= r2) hits++;
        }
      }
      coverage[y * side + x] = hits / (SUB * SUB);
    }
  }
  return { side, coverage };
}

/**
 * Blends one stamp per listed point into `data` (width × height RGBA, row-major). `xs`/`ys` are
 * in device pixels; pixels outside `clip` are left alone; `points[from..to)` lists the point
 * indices in drawing order; `skip(i)` leaves a point out.
 */
export function rasterStamps(
  data: Uint8ClampedArray,
  width: number,
  xs: Float32Array,
  ys: Float32Array,
  points: ArrayLike<number>,
  from: number,
  to: number,
  stamp: Stamp,
  color: Rgb,
  alpha: number,
  clip: PixelRect,
  skip?: (i: number) => boolean,
): void {
  const { side, coverage } = stamp;
  const half = side / 2;
  const opacity = Math.min(1, Math.max(0, alpha));
  for (let j = from; j < to; j++) {
    const i = points[j];
    if (skip && skip(i)) continue;
    const cx = xs[i];
    const cy = ys[i];
    if (!(cx === cx && cy === cy)) continue; // NaN check without a call
    const left = Math.round(cx - half);
    const top = Math.round(cy - half);
    const x0 = Math.max(clip.x0, left);
    const y0 = Math.max(clip.y0, top);
    const x1 = Math.min(clip.x1, left + side);
    const y1 = Math.min(clip.y1, top + side);
    for (let y = y0; y < y1; y++) {
      let o = (y * width + x0) * 4;
      let s = (y - top) * side + (x0 - left);
      for (let x = x0; x < x1; x++, o += 4, s++) {
        const a = opacity * coverage[s];
        if (a <= 0) continue;
        // source-over, non-premultiplied: A = a + A_d(1−a), C = (C_s·a + C_d·A_d(1−a)) / A
        const wd = (data[o + 3] / 255) * (1 - a);
        const outA = a + wd;
        data[o] = (color.r * a + data[o] * wd) / outA;
        data[o + 1] = (color.g * a + data[o + 1] * wd) / outA;
        data[o + 2] = (color.b * a + data[o + 2] * wd) / outA;
        data[o + 3] = outA * 255;
      }
    }
  }
}

/** A CSS colour as 0–255 channels (d3-color parses every CSS form the palettes use). */
export function parseColor(css: string): Rgb {
  const c = rgb(css);
  return Number.isFinite(c.r) ? { r: c.r, g: c.g, b: c.b } : { r: 128, g: 128, b: 128 };
}

/**
 * Draws many points on a 2-D canvas fast: points are bucketed by colour slot (a counting sort into
 * reused buffers, no per-point allocation), then every point's coverage stamp is blended into one
 * reused ImageData, colour by colour, and put once (rasterPoints.ts says why not canvas paths).
 * Independent of React and of the renderer, so a bench can time it on 70,000 points.
 */
import { makeStamp, parseColor, rasterStamps, type PixelRect, type Rgb, type Stamp } from './rasterPoints';

export interface PointStyle {
  /** Side (square) or diameter (circle) in CSS pixels. */
  size: number;
  /** 0..1 */
  opacity: number;
  /** Default 'circle'. */
  shape?: 'circle' | 'square';
  /** Colour of slot −1 (no colour yet), drawn first so coloured points stay on top. */
  unassigned?: string;
  /** Per point: 0 = dimmed (drawn at a fifth of the opacity), else normal. Null = all normal. */
  emphasis?: Uint8Array | null;
  /** Drawing area in CSS pixels; points are clipped to it. Default: the whole canvas. */
  clip?: { x: number; y: number; width: number; height: number };
}

/** Scratch buffers grown on demand and reused across calls. */
let order = new Int32Array(0);
let starts = new Int32Array(0);

function ensure(n: number, buckets: number): void {
  if (order.length < n) order = new Int32Array(Math.max(n, order.length * 2));
  if (starts.length < buckets + 1) starts = new Int32Array(Math.max(buckets + 1, starts.length * 2));
}

/**
 * Groups point indices by slot: bucket b holds slot b − 1 (bucket 0 = slot −1 / out of range).
 * Returns the bucket count; members of bucket b are order[starts[b] .. starts[b+1]).
 */
function bucketize(n: number, slots: Int32Array | null, colorCount: number): number {
  const buckets = colorCount + 1;
  ensure(n, buckets);
  starts.fill(0, 0, buckets + 1);
  const key = (i: number): number => {
    const s = slots && i < slots.length ? slots[i] : -1;
    return s >= 0 && s < colorCount ? s + 1 : 0;
  };
  for (let i = 0; i < n; i++) starts[key(i) + 1]++;
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
  // Fill using a moving cursor per bucket, then shift back: starts ends where it began.
  for (let i = 0; i < n; i++) order[starts[key(i)]++] = i;
  for (let b = buckets; b > 0; b--) starts[b] = starts[b - 1];
  starts[0] = 0;
  return buckets;
}

/** One pixel buffer per canvas (the main plot and the small views have different sizes). */
const images = new WeakMap<object, ImageData>();
const stamps = new Map<string, Stamp>();
let dx = new Float32Array(0);
let dy = new Float32Array(0);
const rgbCache = new Map<string, Rgb>();
function rgbOf(css: string): Rgb {
  let c = rgbCache.get(css);
  if (!c) rgbCache.set(css, (c = parseColor(css)));
  return c;
}

/**
 * Draws points at screen positions (xs[i], ys[i]) in CSS pixels, coloured by colors[slots[i]], at
 * the context's current scale (the device pixel ratio). Non-finite positions are skipped. Replaces
 * the canvas's pixels, so the caller draws anything else (brush, labels) afterwards.
 */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  xs: Float32Array,
  ys: Float32Array,
  slots: Int32Array | null,
  colors: readonly string[],
  style: PointStyle,
  n = Math.min(xs.length, ys.length),
): void {
  const buckets = bucketize(n, slots, colors.length);
  const { width, height } = ctx.canvas;
  const scale = ctx.getTransform().a || 1;
  let image = images.get(ctx.canvas);
  if (!image || image.width !== width || image.height !== height) images.set(ctx.canvas, (image = ctx.createImageData(width, height)));
  const data = image.data;
  data.fill(0);
  const shape = style.shape ?? 'circle';
  const key = `${shape} ${style.size * scale}`;
  let stamp = stamps.get(key);
  if (!stamp) {
    if (stamps.size >= 32) stamps.clear(); // the size slider makes a new key per value
    stamps.set(key, (stamp = makeStamp(Math.max(0.5, style.size) * scale, shape)));
  }
  if (dx.length < n) {
    dx = new Float32Array(n);
    dy = new Float32Array(n);
  }
  for (let i = 0; i < n; i++) {
    dx[i] = xs[i] * scale;
    dy[i] = ys[i] * scale;
  }
  const c = style.clip;
  const clip: PixelRect = c
    ? { x0: Math.max(0, Math.floor(c.x * scale)), y0: Math.max(0, Math.floor(c.y * scale)), x1: Math.min(width, Math.ceil((c.x + c.width) * scale)), y1: Math.min(height, Math.ceil((c.y + c.height) * scale)) }
    : { x0: 0, y0: 0, x1: width, y1: height };
  const em = style.emphasis ?? null;
  // Two passes when some points are dimmed: dimmed first, emphasised on top.
  for (const pass of em ? [0, 1] : [1]) {
    const skip = em ? (i: number) => (em[i] ? 1 : 0) !== pass : undefined;
    const alpha = style.opacity * (pass === 0 ? 0.2 : 1);
    for (let b = 0; b < buckets; b++) {
      if (starts[b] === starts[b + 1]) continue;
      const color = rgbOf(b === 0 ? (style.unassigned ?? '#9aa0a6') : colors[b - 1]);
      rasterStamps(data, width, dx, dy, order, starts[b], starts[b + 1], stamp, color, alpha, clip, skip);
    }
  }
  ctx.putImageData(image, 0, 0);
}

/**
 * Screen coordinates of n × 2 data coords under the affine maps x ↦ ax·x + bx, y ↦ ay·y + by
 * (what a linear d3 scale is), written into the given buffers (grown only when too small).
 */
export function toScreen(
  coords: Float32Array,
  ax: number,
  bx: number,
  ay: number,
  by: number,
  xs: Float32Array<ArrayBuffer>,
  ys: Float32Array<ArrayBuffer>,
): { xs: Float32Array<ArrayBuffer>; ys: Float32Array<ArrayBuffer> } {
  const n = coords.length >> 1;
  if (xs.length < n) xs = new Float32Array(n);
  if (ys.length < n) ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = ax * coords[2 * i] + bx;
    ys[i] = ay * coords[2 * i + 1] + by;
  }
  return { xs, ys };
}

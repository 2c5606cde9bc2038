/** Pure helpers for gliding from one projection frame to the next. */

export type Box = [x0: number, x1: number, y0: number, y1: number];

/** Cubic in-out: starts and lands softly, so points glide rather than jump. */
export function ease(t: number): number {
  const u = Math.min(1, Math.max(0, t));
  return u < 0.5 ? 4 * u * u * u : 1 - Math.pow(-2 * u + 2, 3) / 2;
}

/** out = from + (to − from)·t, element-wise; out may alias from. */
export function lerpInto(out: Float32Array, from: Float32Array, to: Float32Array, t: number): void {
  for (let i = 0; i < out.length; i++) out[i] = from[i] + (to[i] - from[i]) * t;
}

export function lerpBox(a: Box, b: Box, t: number): Box {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, a[3] + (b[3] - a[3]) * t];
}

/** Bounding box of n × 2 coordinates, padded by `pad` of its size on each side; never empty. */
export function boundsOf(coords: Float32Array, pad = 0.05): Box {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 1 < coords.length; i += 2) {
    const x = coords[i];
    const y = coords[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (x0 > x1) return [-1, 1, -1, 1];
  const dx = x1 - x0 || 1;
  const dy = y1 - y0 || 1;
  return [x0 - dx * pad, x1 + dx * pad, y0 - dy * pad, y1 + dy * pad];
}

/** Index of the point nearest to (px, py) within maxDist, given screen-space mappers; -1 if none. */
export function nearest(
  coords: Float32Array,
  sx: (x: number) => number,
  sy: (y: number) => number,
  px: number,
  py: number,
  maxDist: number,
): number {
  let best = -1;
  let bestD = maxDist * maxDist;
  for (let i = 0, j = 0; j + 1 < coords.length; i++, j += 2) {
    const dx = sx(coords[j]) - px;
    const dy = sy(coords[j + 1]) - py;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

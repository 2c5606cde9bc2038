/**
 * Bench 'scatter-redraw' (main thread): one redraw of n points exactly as the scatter draws them
 * (toScreen + drawPoints from src/ui/scatter, the renderer's automatic point size, ten cluster
 * colours), on a 960 × 640 canvas. `ms` includes rasterisation: a 1-pixel getImageData forces
 * the canvas to finish drawing; `jsMs` is the drawing calls alone.
 */
import { createRng } from '../core/rng';
import { palette, UNASSIGNED } from '../ui/scatter/colors';
import { drawPoints, toScreen } from '../ui/scatter/drawPoints';
import { autoSize } from '../ui/scatter/renderer';
import type { TimedResult } from './benchTypes';

const WIDTH = 960;
const HEIGHT = 640;
const REPEATS = 25;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function benchScatter(n: number): TimedResult {
  const canvas = document.createElement('canvas');
  const dpr = window.devicePixelRatio || 1;
  canvas.width = WIDTH * dpr;
  canvas.height = HEIGHT * dpr;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas');
  // Ten Gaussian clusters, like a clustered embedding's projection.
  const rng = createRng(1);
  const coords = new Float32Array(2 * n);
  const slots = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 10;
    slots[i] = c;
    coords[2 * i] = 6 * Math.cos(c) + rng.normal();
    coords[2 * i + 1] = 6 * Math.sin(c) + rng.normal();
  }
  const colors = palette(10);
  let xs = new Float32Array(n);
  let ys = new Float32Array(n);
  const style = { size: autoSize(n), opacity: 0.85, unassigned: UNASSIGNED };
  const redraw = (flush: boolean) => {
    const t0 = performance.now();
    ({ xs, ys } = toScreen(coords, WIDTH / 24, WIDTH / 2, -HEIGHT / 24, HEIGHT / 2, xs, ys));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    drawPoints(ctx, xs, ys, slots, colors, style, n);
    if (flush) ctx.getImageData(0, 0, 1, 1);
    return performance.now() - t0;
  };
  redraw(true); // warm-up: JIT, path buffers
  const js = Array.from({ length: REPEATS }, () => redraw(false));
  ctx.getImageData(0, 0, 1, 1);
  const full = Array.from({ length: REPEATS }, () => redraw(true));
  canvas.remove();
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { bench: 'scatter-redraw', points: n, ms: r2(median(full)), maxMs: r2(Math.max(...full)), jsMs: r2(median(js)), dpr };
}

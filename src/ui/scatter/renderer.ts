/**
 * The scatter plot outside React: points on a <canvas>, D3 scales and axes on an SVG overlay,
 * d3-zoom for zoom and pan. New frames glide in over TWEEN_MS; drawing happens only in
 * requestAnimationFrame while something moves, so an idle plot costs nothing.
 */
import { axisBottom, axisLeft, scaleLinear, select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { UNASSIGNED } from './colors';
import { boundsOf, ease, lerpBox, lerpInto, nearest, type Box } from './tween';

const TWEEN_MS = 300;
const MARGIN = { top: 8, right: 10, bottom: 22, left: 34 };

export interface ScatterRenderer {
  setFrame(coords: Float32Array): void;
  /** No frame (reset): an empty plot. */
  clear(): void;
  /** Colour slot per point (−1 = grey) and the colours of the slots; null slots = all grey. */
  setColors(slots: Int32Array | null, colors: readonly string[]): void;
  resize(width: number, height: number): void;
  resetZoom(): void;
  zoomBy(factor: number): void;
  /** Index of the point under a position relative to the canvas, or −1. */
  pick(x: number, y: number): number;
  destroy(): void;
}

export function createScatterRenderer(canvas: HTMLCanvasElement, axes: SVGSVGElement): ScatterRenderer {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2-D canvas is not available');
  let width = 300;
  let height = 300;
  let dpr = 1;

  let from = new Float32Array(0);
  let to = new Float32Array(0);
  let cur = new Float32Array(0);
  let boxFrom: Box = [-1, 1, -1, 1];
  let boxTo: Box = [-1, 1, -1, 1];
  let box: Box = boxTo;
  let tweenStart = 0;
  let tweening = false;

  let slots: Int32Array | null = null;
  let colors: readonly string[] = [];
  /** Point indices grouped by colour slot, so each colour is one fill() call. */
  let groups: { color: string; idx: Int32Array }[] = [];

  let transform: ZoomTransform = zoomIdentity;
  let raf = 0;
  let framesDrawn = 0;

  const xBase = scaleLinear();
  const yBase = scaleLinear();
  let xs = xBase;
  let ys = yBase;

  const svg = select(axes);
  const gx = svg.append('g').attr('class', 'axis axis-x');
  const gy = svg.append('g').attr('class', 'axis axis-y');

  const zoomer: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.5, 64])
    .on('zoom', (e: { transform: ZoomTransform }) => {
      transform = e.transform;
      requestDraw();
    });
  const canvasSel = select(canvas);
  canvasSel.call(zoomer);

  function regroup(): void {
    const n = cur.length / 2;
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const s = slots && i < slots.length ? slots[i] : -1;
      const key = s >= 0 && s < colors.length ? s : -1;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = []));
      b.push(i);
    }
    // Grey first, so coloured points stay on top.
    groups = [...buckets.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([s, idx]) => ({ color: s < 0 ? UNASSIGNED : colors[s], idx: Int32Array.from(idx) }));
  }

  function updateScales(): void {
    xBase.domain([box[0], box[1]]).range([MARGIN.left, width - MARGIN.right]);
    yBase.domain([box[2], box[3]]).range([height - MARGIN.bottom, MARGIN.top]);
    xs = transform.rescaleX(xBase);
    ys = transform.rescaleY(yBase);
  }

  function drawAxes(): void {
    gx.attr('transform', `translate(0,${height - MARGIN.bottom})`).call(axisBottom(xs).ticks(Math.max(2, width / 90)).tickSizeOuter(0));
    gy.attr('transform', `translate(${MARGIN.left},0)`).call(axisLeft(ys).ticks(Math.max(2, height / 70)).tickSizeOuter(0));
  }

  function draw(): void {
    updateScales();
    ctx!.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx!.clearRect(0, 0, width, height);
    ctx!.save();
    ctx!.beginPath();
    ctx!.rect(MARGIN.left, MARGIN.top, width - MARGIN.left - MARGIN.right, height - MARGIN.top - MARGIN.bottom);
    ctx!.clip();
    const n = cur.length / 2;
    const r = n <= 2000 ? 2.6 : n <= 10000 ? 1.9 : 1.2;
    ctx!.globalAlpha = 0.85;
    for (const g of groups) {
      ctx!.fillStyle = g.color;
      ctx!.beginPath();
      for (const i of g.idx) {
        const x = xs(cur[2 * i]);
        const y = ys(cur[2 * i + 1]);
        ctx!.moveTo(x + r, y);
        ctx!.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx!.fill();
    }
    ctx!.restore();
    drawAxes();
    framesDrawn++;
    canvas.dataset.points = String(n);
    canvas.dataset.frame = String(framesDrawn);
  }

  function tick(now: number): void {
    raf = 0;
    if (tweening) {
      const t = ease((now - tweenStart) / TWEEN_MS);
      lerpInto(cur, from, to, t);
      box = lerpBox(boxFrom, boxTo, t);
      if (t >= 1) tweening = false;
    }
    draw();
    if (tweening) requestDraw();
  }

  function requestDraw(): void {
    if (!raf) raf = requestAnimationFrame(tick);
  }

  return {
    setFrame(coords) {
      const target = boundsOf(coords);
      if (coords.length !== cur.length) {
        // A new sample (new run): nothing to glide from.
        cur = Float32Array.from(coords);
        to = Float32Array.from(coords);
        from = new Float32Array(coords.length);
        box = boxTo = target;
        tweening = false;
        regroup();
      } else {
        from = Float32Array.from(cur);
        to = Float32Array.from(coords);
        boxFrom = box;
        boxTo = target;
        tweenStart = performance.now();
        tweening = true;
      }
      requestDraw();
    },
    clear() {
      cur = new Float32Array(0);
      from = to = cur;
      tweening = false;
      regroup();
      requestDraw();
    },
    setColors(s, c) {
      slots = s;
      colors = c;
      regroup();
      requestDraw();
    },
    resize(w, h) {
      width = Math.max(50, Math.floor(w));
      height = Math.max(50, Math.floor(h));
      dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      svg.attr('width', width).attr('height', height);
      requestDraw();
    },
    resetZoom() {
      canvasSel.call(zoomer.transform, zoomIdentity);
    },
    zoomBy(factor) {
      canvasSel.call(zoomer.scaleBy, factor);
    },
    pick(x, y) {
      if (cur.length === 0) return -1;
      return nearest(cur, xs, ys, x, y, 10);
    },
    destroy() {
      if (raf) cancelAnimationFrame(raf);
      canvasSel.on('.zoom', null);
      gx.remove();
      gy.remove();
    },
  };
}

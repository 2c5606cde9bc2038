/**
 * The scatter plot outside React: points on a <canvas>, D3 scales and axes on an SVG overlay,
 * d3-zoom for zoom and pan, and a rectangle brush in selection mode. New frames glide in over
 * TWEEN_MS; drawing happens only in requestAnimationFrame while something changes, so an idle
 * plot costs nothing. Each draw maps all points to screen buffers once (reused, no allocation),
 * then drawPoints fills one path per colour (or writes pixels, beyond 10,000 points).
 */
import { axisBottom, axisLeft, scaleLinear, select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { UNASSIGNED } from './colors';
import { drawPoints, toScreen } from './drawPoints';
import { pointsInRect, type Rect } from './selection';
import { boundsOf, ease, lerpBox, lerpInto, type Box } from './tween';

const TWEEN_MS = 300;
const AXES_MARGIN = { top: 8, right: 10, bottom: 22, left: 34 };
const BARE_MARGIN = { top: 4, right: 4, bottom: 4, left: 4 };

export interface RendererOptions {
  /** SVG overlay for axes; without it the plot is bare (small multiples). */
  axes?: SVGSVGElement | null;
  /** Wheel zoom and drag pan (default true). */
  zoomable?: boolean;
}

export interface ScatterRenderer {
  setFrame(coords: Float32Array): void;
  /** No frame (reset): an empty plot. */
  clear(): void;
  /** Colour slot per point (−1 = grey) and the colours of the slots; null slots = all grey. */
  setColors(slots: Int32Array | null, colors: readonly string[]): void;
  /** size 0 = chosen from the point count. */
  setStyle(size: number, opacity: number): void;
  /** Per point 1 = emphasised, 0 = dimmed (a selection); null = all normal. */
  setEmphasis(mask: Uint8Array | null): void;
  /** Rings one point (the one hovered in any run's plot); −1 = none. */
  setMarked(index: number): void;
  /** The marked point's mined neighbours (sample positions): joined to it by lines and ringed. */
  setNeighbours(positions: Int32Array | null): void;
  /** In selection mode a drag draws a rectangle and reports the points inside (not a pan). */
  setSelecting(on: boolean, onSelect: (rows: Int32Array) => void): void;
  resize(width: number, height: number): void;
  resetZoom(): void;
  zoomBy(factor: number): void;
  /** Index of the point under a position relative to the canvas, or −1. */
  pick(x: number, y: number): number;
  destroy(): void;
}

export function autoSize(n: number): number {
  return n <= 2000 ? 5.2 : n <= 10000 ? 3.8 : 2.4;
}

export function createScatterRenderer(canvas: HTMLCanvasElement, opts: RendererOptions = {}): ScatterRenderer {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2-D canvas is not available');
  const margin = opts.axes ? AXES_MARGIN : BARE_MARGIN;
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
  let size = 0;
  let opacity = 0.85;
  let emphasis: Uint8Array | null = null;
  let marked = -1;
  let neighbours: Int32Array | null = null;
  /** Screen positions of the points as last drawn (CSS pixels). */
  let sx = new Float32Array(0);
  let sy = new Float32Array(0);

  let selecting = false;
  let onSelect: (rows: Int32Array) => void = () => {};
  let brush: Rect | null = null;

  let transform: ZoomTransform = zoomIdentity;
  let raf = 0;
  let framesDrawn = 0;

  const xBase = scaleLinear();
  const yBase = scaleLinear();
  let xs = xBase;
  let ys = yBase;

  const svg = opts.axes ? select(opts.axes) : null;
  const gx = svg?.append('g').attr('class', 'axis axis-x');
  const gy = svg?.append('g').attr('class', 'axis axis-y');

  const canvasSel = select(canvas);
  const zoomer: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.5, 64])
    // In selection mode a drag brushes; the wheel still zooms.
    .filter((e: Event) => (!selecting || e.type === 'wheel') && !(e as MouseEvent).button)
    .on('zoom', (e: { transform: ZoomTransform }) => {
      transform = e.transform;
      requestDraw();
    });
  if (opts.zoomable !== false) canvasSel.call(zoomer);

  function updateScreen(): void {
    xBase.domain([box[0], box[1]]).range([margin.left, width - margin.right]);
    yBase.domain([box[2], box[3]]).range([height - margin.bottom, margin.top]);
    xs = transform.rescaleX(xBase);
    ys = transform.rescaleY(yBase);
    const bx = xs(0);
    const by = ys(0);
    const out = toScreen(cur, xs(1) - bx, bx, ys(1) - by, by, sx, sy);
    sx = out.xs;
    sy = out.ys;
  }

  function drawAxes(): void {
    if (!gx || !gy) return;
    gx.attr('transform', `translate(0,${height - margin.bottom})`).call(axisBottom(xs).ticks(Math.max(2, width / 90)).tickSizeOuter(0));
    gy.attr('transform', `translate(${margin.left},0)`).call(axisLeft(ys).ticks(Math.max(2, height / 70)).tickSizeOuter(0));
  }

  function draw(): void {
    updateScreen();
    const c = ctx!;
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.clearRect(0, 0, width, height);
    const area = { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
    c.save();
    c.beginPath();
    c.rect(area.x, area.y, area.width, area.height);
    c.clip();
    const n = cur.length / 2;
    drawPoints(c, sx, sy, slots, colors, { size: size || autoSize(n), opacity, unassigned: UNASSIGNED, emphasis, clip: area }, n);
    if (marked >= 0 && marked < n && neighbours?.length) drawNeighbours(c, n);
    if (marked >= 0 && marked < n) {
      // A dark ring with a white halo: visible on any point colour.
      c.beginPath();
      c.arc(sx[marked], sy[marked], 7, 0, 2 * Math.PI);
      c.lineWidth = 4;
      c.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      c.stroke();
      c.lineWidth = 2;
      c.strokeStyle = '#1d2433';
      c.stroke();
    }
    if (brush) {
      c.fillStyle = 'rgba(47, 111, 222, 0.12)';
      c.strokeStyle = '#2f6fde';
      c.setLineDash([4, 3]);
      const x = Math.min(brush.x0, brush.x1);
      const y = Math.min(brush.y0, brush.y1);
      c.fillRect(x, y, Math.abs(brush.x1 - brush.x0), Math.abs(brush.y1 - brush.y0));
      c.strokeRect(x + 0.5, y + 0.5, Math.abs(brush.x1 - brush.x0), Math.abs(brush.y1 - brush.y0));
      c.setLineDash([]);
    }
    c.restore();
    drawAxes();
    framesDrawn++;
    canvas.dataset.points = String(n);
    canvas.dataset.frame = String(framesDrawn);
  }

  /** Thin lines from the marked point to its neighbours, and a small ring on each. */
  function drawNeighbours(c: CanvasRenderingContext2D, n: number): void {
    c.beginPath();
    for (const j of neighbours!) {
      if (j >= n) continue;
      c.moveTo(sx[marked], sy[marked]);
      c.lineTo(sx[j], sy[j]);
    }
    c.lineWidth = 1;
    c.strokeStyle = 'rgba(29, 36, 51, 0.55)';
    c.stroke();
    c.beginPath();
    for (const j of neighbours!) {
      if (j >= n) continue;
      c.moveTo(sx[j] + 4.5, sy[j]);
      c.arc(sx[j], sy[j], 4.5, 0, 2 * Math.PI);
    }
    c.lineWidth = 1.5;
    c.strokeStyle = '#1d2433';
    c.stroke();
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

  const local = (e: PointerEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const onDown = (e: PointerEvent): void => {
    if (!selecting || e.button !== 0) return;
    const [x, y] = local(e);
    brush = { x0: x, y0: y, x1: x, y1: y };
    canvas.setPointerCapture?.(e.pointerId);
    e.preventDefault();
  };
  const onMove = (e: PointerEvent): void => {
    if (!brush) return;
    [brush.x1, brush.y1] = local(e);
    requestDraw();
  };
  const onUp = (e: PointerEvent): void => {
    if (!brush) return;
    [brush.x1, brush.y1] = local(e);
    const r = brush;
    brush = null;
    canvas.releasePointerCapture?.(e.pointerId);
    updateScreen();
    // A click without a drag clears the selection.
    const tiny = Math.abs(r.x1 - r.x0) < 3 && Math.abs(r.y1 - r.y0) < 3;
    onSelect(tiny ? new Int32Array(0) : pointsInRect(sx, sy, cur.length / 2, r));
    requestDraw();
  };
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);

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
      } else {
        from.set(cur);
        to.set(coords);
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
      requestDraw();
    },
    setColors(s, c) {
      slots = s;
      colors = c;
      requestDraw();
    },
    setStyle(s, o) {
      size = s;
      opacity = o;
      requestDraw();
    },
    setEmphasis(mask) {
      emphasis = mask;
      // What is highlighted, readable from outside (tests of linked brushing across runs).
      let count = 0;
      if (mask) for (let i = 0; i < mask.length; i++) count += mask[i];
      canvas.dataset.emphasised = mask ? String(count) : '';
      requestDraw();
    },
    setMarked(index) {
      if (index === marked) return;
      marked = index;
      canvas.dataset.marked = String(index);
      requestDraw();
    },
    setNeighbours(positions) {
      neighbours = positions;
      canvas.dataset.neighbours = positions ? String(positions.length) : '';
      requestDraw();
    },
    setSelecting(on, cb) {
      selecting = on;
      onSelect = cb;
      canvas.style.cursor = on ? 'cell' : '';
      if (!on) brush = null;
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
      svg?.attr('width', width).attr('height', height);
      requestDraw();
    },
    resetZoom() {
      canvasSel.call(zoomer.transform, zoomIdentity);
    },
    zoomBy(factor) {
      canvasSel.call(zoomer.scaleBy, factor);
    },
    pick(x, y) {
      let best = -1;
      let bestD = 100; // within 10 px
      const n = Math.min(cur.length / 2, sx.length);
      for (let i = 0; i < n; i++) {
        const dx = sx[i] - x;
        const dy = sy[i] - y;
        const d = dx * dx + dy * dy;
        if (d <= bestD) {
          bestD = d;
          best = i;
        }
      }
      return best;
    },
    destroy() {
      if (raf) cancelAnimationFrame(raf);
      canvasSel.on('.zoom', null);
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      gx?.remove();
      gy?.remove();
    },
  };
}

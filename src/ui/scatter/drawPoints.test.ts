import { describe, expect, it } from 'vitest';
import { drawPoints, toScreen } from './drawPoints';
import { makeStamp, parseColor, rasterStamps } from './rasterPoints';

/** A canvas context that keeps the ImageData drawPoints puts; `scale` is the device pixel ratio. */
function pixelCtx(width: number, height: number, scale = 1) {
  const out: { image: ImageData | null; puts: number } = { image: null, puts: 0 };
  const ctx = {
    canvas: { width, height },
    getTransform: () => ({ a: scale }),
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: (img: ImageData) => {
      out.image = img;
      out.puts++;
    },
  } as unknown as CanvasRenderingContext2D;
  const at = (x: number, y: number): number[] => {
    if (!out.image) throw new Error('nothing was put');
    const o = (y * width + x) * 4;
    return Array.from(out.image.data.subarray(o, o + 4));
  };
  return { ctx, out, at };
}

describe('drawPoints', () => {
  it('puts one image: every finite point in its colour, grey for no slot, later colours on top', () => {
    const { ctx, out, at } = pixelCtx(50, 10);
    const xs = new Float32Array([10.5, 20.5, 30.5, 30.5, NaN]);
    const ys = new Float32Array([5.5, 5.5, 5.5, 5.5, 5.5]);
    // Point 3 (slot −1, grey) shares a place with point 2 (slot 1, blue): blue is drawn later.
    const slots = new Int32Array([0, -1, 1, -1, 0]);
    drawPoints(ctx, xs, ys, slots, ['#ff0000', '#0000ff'], { size: 1, opacity: 1, shape: 'square', unassigned: '#808080' });
    expect(out.puts).toBe(1);
    expect(at(10, 5)).toEqual([255, 0, 0, 255]);
    expect(at(20, 5)).toEqual([128, 128, 128, 255]);
    expect(at(30, 5)).toEqual([0, 0, 255, 255]);
    expect(at(11, 5)).toEqual([0, 0, 0, 0]); // nothing else, and the NaN point is skipped
    const painted = Array.from({ length: 50 * 10 }, (_, i) => at(i % 50, Math.floor(i / 50))[3]).filter((a) => a > 0);
    expect(painted).toHaveLength(3);
  });

  it('draws dimmed points at a fifth of the opacity, emphasised ones on top', () => {
    const { ctx, at } = pixelCtx(20, 10);
    const xs = new Float32Array([5.5, 5.5, 12.5]);
    const ys = new Float32Array([5.5, 5.5, 5.5]);
    // Point 0 is emphasised but listed first; point 1 is dimmed at the same place.
    drawPoints(ctx, xs, ys, new Int32Array([0, 1, 1]), ['#ff0000', '#0000ff'], { size: 1, opacity: 1, shape: 'square', emphasis: new Uint8Array([1, 0, 0]) });
    expect(at(5, 5)[0]).toBe(255); // red over the dimmed blue
    expect(at(5, 5)[3]).toBe(255);
    expect(Math.abs(at(12, 5)[3] - 51)).toBeLessThanOrEqual(1); // 0.2 × 255
  });

  it('works at the device scale and keeps inside the clip', () => {
    const { ctx, at } = pixelCtx(40, 30, 2);
    // CSS (5, 5) → device (10, 10): a 2-CSS-pixel square spans device [8, 12), pixels 8..11.
    const xs = new Float32Array([5, 18]);
    const ys = new Float32Array([5, 5]);
    drawPoints(ctx, xs, ys, new Int32Array(2), ['#ff0000'], { size: 2, opacity: 1, shape: 'square', clip: { x: 0, y: 0, width: 15, height: 15 } });
    expect(at(8, 8)).toEqual([255, 0, 0, 255]);
    expect(at(11, 11)).toEqual([255, 0, 0, 255]);
    expect(at(12, 10)).toEqual([0, 0, 0, 0]);
    expect(at(7, 10)).toEqual([0, 0, 0, 0]);
    expect(at(36, 10)).toEqual([0, 0, 0, 0]); // the second point is outside the clip (device x ≥ 30)
  });
});

describe('rasterStamps', () => {
  it('blends like canvas source-over on non-premultiplied RGBA', () => {
    const data = new Uint8ClampedArray(4 * 4);
    const clip = { x0: 0, y0: 0, x1: 2, y1: 2 };
    const dot = makeStamp(1, 'square');
    const one = (color: { r: number; g: number; b: number }, alpha: number) =>
      rasterStamps(data, 2, new Float32Array([0.5]), new Float32Array([0.5]), [0], 0, 1, dot, color, alpha, clip);
    one({ r: 0, g: 0, b: 255 }, 0.5); // pixel (0, 0)
    expect(Array.from(data.subarray(0, 4))).toEqual([0, 0, 255, 128]);
    one({ r: 255, g: 0, b: 0 }, 0.5);
    // A = 0.5 + 0.5·0.5 = 0.75; R = 255·0.5 / 0.75 = 170; B = 255·0.25 / 0.75 = 85 (±1: the first
    // alpha is stored as 128/255, not 0.5).
    const [r, g, b, a] = Array.from(data.subarray(0, 4));
    expect(g).toBe(0);
    for (const [got, want] of [[r, 170], [b, 85], [a, 191]]) expect(Math.abs(got - want)).toBeLessThanOrEqual(1);
    expect(Array.from(data.subarray(4))).toEqual(new Array(12).fill(0)); // nothing else touched
  });

  it('makes round stamps: full inside, partial on the rim, empty in the corners', () => {
    const disc = makeStamp(6, 'circle');
    expect(disc.side).toBe(6);
    const at = (x: number, y: number) => disc.coverage[y * 6 + x];
    expect(at(2, 2)).toBe(1);
    expect(at(0, 0)).toBe(0);
    expect(at(0, 2)).toBeGreaterThan(0.5);
    expect(at(0, 1)).toBeGreaterThan(0);
    expect(at(0, 1)).toBeLessThan(1);
    // Its area is the disc's, π·3², within sampling error.
    const area = disc.coverage.reduce((s, v) => s + v, 0);
    expect(Math.abs(area - Math.PI * 9)).toBeLessThan(0.5);
    expect(makeStamp(2.4, 'square').coverage).toEqual(new Float32Array(4).fill(1));
  });

  it("parses the palettes' CSS colours", () => {
    expect(parseColor('#4e79a7')).toEqual({ r: 78, g: 121, b: 167 });
    expect(parseColor('hsl(120, 100%, 50%)')).toEqual({ r: 0, g: 255, b: 0 });
    expect(parseColor('not a colour')).toEqual({ r: 128, g: 128, b: 128 });
  });
});

describe('toScreen', () => {
  it('maps interleaved coords affinely and reuses buffers that are large enough', () => {
    const xs = new Float32Array(4);
    const ys = new Float32Array(4);
    const out = toScreen(new Float32Array([0, 0, 1, 2]), 10, 5, -1, 100, xs, ys);
    expect(out.xs).toBe(xs);
    expect(Array.from(out.xs.subarray(0, 2))).toEqual([5, 15]);
    expect(Array.from(out.ys.subarray(0, 2))).toEqual([100, 98]);
    const grown = toScreen(new Float32Array(20), 1, 0, 1, 0, new Float32Array(1), new Float32Array(1));
    expect(grown.xs.length).toBe(10);
  });
});

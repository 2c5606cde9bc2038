import { describe, expect, it } from 'vitest';
import { fitRect, rgbaToRow, rowLength, rowToBytes } from './pixels';
import { resampleInto } from './testing/fakeDecode';
import type { PreprocessOptions } from './types';

const opts = (o: Partial<PreprocessOptions> = {}): PreprocessOptions => ({ size: 28, color: 'gray', fit: 'letterbox', normalize: 'unit', ...o });

/** size × size RGBA filled by a per-pixel function. */
function rgbaOf(size: number, f: (p: number) => [number, number, number, number]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(size * size * 4);
  for (let p = 0; p < size * size; p++) out.set(f(p), 4 * p);
  return out;
}

describe('fitRect', () => {
  it('letterboxes a 2:1 image: full width, half height, centred vertically', () => {
    expect(fitRect(200, 100, 28, 'letterbox')).toEqual({ sx: 0, sy: 0, sw: 200, sh: 100, dx: 0, dy: 7, dw: 28, dh: 14 });
    expect(fitRect(100, 200, 28, 'letterbox')).toEqual({ sx: 0, sy: 0, sw: 100, sh: 200, dx: 7, dy: 0, dw: 14, dh: 28 });
  });

  it('scales small images up to fill the long side', () => {
    expect(fitRect(4, 2, 32, 'letterbox')).toEqual({ sx: 0, sy: 0, sw: 4, sh: 2, dx: 0, dy: 8, dw: 32, dh: 16 });
  });

  it('keeps at least one destination pixel for a very thin image', () => {
    const r = fitRect(1000, 1, 28, 'letterbox');
    expect([r.dw, r.dh, r.dy]).toEqual([28, 1, 13]);
  });

  it('crops the centre square of the short side and fills the destination', () => {
    expect(fitRect(200, 100, 28, 'crop')).toEqual({ sx: 50, sy: 0, sw: 100, sh: 100, dx: 0, dy: 0, dw: 28, dh: 28 });
    expect(fitRect(30, 41, 64, 'crop')).toEqual({ sx: 0, sy: 5, sw: 30, sh: 30, dx: 0, dy: 0, dw: 64, dh: 64 });
  });
});

describe('rgbaToRow', () => {
  it('uses BT.601 luma for grey and divides by 255', () => {
    const rgba = rgbaOf(28, (p) => (p === 0 ? [255, 0, 0, 255] : p === 1 ? [0, 255, 0, 255] : p === 2 ? [0, 0, 255, 255] : [255, 255, 255, 255]));
    const out = new Float32Array(rowLength(opts()));
    rgbaToRow(rgba, opts(), out, 0);
    expect(out[0]).toBeCloseTo(0.299, 5);
    expect(out[1]).toBeCloseTo(0.587, 5);
    expect(out[2]).toBeCloseTo(0.114, 5);
    expect(out[3]).toBeCloseTo(1, 6);
  });

  it('writes size × size × 3 channels-last values for rgb, at the given offset', () => {
    const o = opts({ color: 'rgb', size: 32 });
    expect(rowLength(o)).toBe(32 * 32 * 3);
    const rgba = rgbaOf(32, (p) => [p % 256, 51, 255, 255]);
    const out = new Float32Array(10 + rowLength(o));
    out.fill(-1);
    rgbaToRow(rgba, o, out, 10);
    expect(Array.from(out.subarray(0, 10))).toEqual(new Array(10).fill(-1));
    expect(out[10 + 3 * 5]).toBeCloseTo(5 / 255, 6);
    expect(out[10 + 3 * 5 + 1]).toBeCloseTo(0.2, 6);
    expect(out[10 + 3 * 5 + 2]).toBe(1);
  });

  it('composites transparency over black', () => {
    const rgba = rgbaOf(28, (p) => (p === 0 ? [255, 255, 255, 0] : [255, 255, 255, 128]));
    const out = new Float32Array(rowLength(opts()));
    rgbaToRow(rgba, opts(), out, 0);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(128 / 255, 3);
  });

  it("stretches each image's own min..max to 0..1", () => {
    // Values 100 and 150 only: stretch maps them to 0 and 1; unit keeps them near 0.4..0.6.
    const rgba = rgbaOf(28, (p) => (p % 2 ? [150, 150, 150, 255] : [100, 100, 100, 255]));
    const stretched = new Float32Array(784);
    rgbaToRow(rgba, opts({ normalize: 'stretch' }), stretched, 0);
    expect(stretched[0]).toBeCloseTo(0, 5);
    expect(stretched[1]).toBeCloseTo(1, 5);
    const unit = new Float32Array(784);
    rgbaToRow(rgba, opts(), unit, 0);
    expect(unit[1]).toBeCloseTo(150 / 255, 5);
  });

  it('maps a constant image to zeros under stretch', () => {
    const out = new Float32Array(784).fill(9);
    rgbaToRow(rgbaOf(28, () => [90, 90, 90, 255]), opts({ normalize: 'stretch' }), out, 0);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('stretches rgb over all channels together, keeping hue', () => {
    const o = opts({ color: 'rgb', normalize: 'stretch', size: 28 });
    const rgba = rgbaOf(28, (p) => (p === 0 ? [200, 100, 0, 255] : [100, 100, 100, 255]));
    const out = new Float32Array(rowLength(o));
    rgbaToRow(rgba, o, out, 0);
    expect(Array.from(out.subarray(0, 6)).map((v) => Math.round(v * 100) / 100)).toEqual([1, 0.5, 0, 0.5, 0.5, 0.5]);
  });

  it('refuses RGBA of the wrong size and a row past the output', () => {
    expect(() => rgbaToRow(new Uint8ClampedArray(10), opts(), new Float32Array(784), 0)).toThrow('expected 3136 RGBA values');
    expect(() => rgbaToRow(new Uint8ClampedArray(3136), opts(), new Float32Array(784), 1)).toThrow('past the output');
  });
});

describe('rowToBytes', () => {
  it('scales to 0..255 and clamps', () => {
    expect(Array.from(rowToBytes(Float32Array.of(0, 0.5, 1, 1.2, -0.1)))).toEqual([0, 128, 255, 255, 0]);
  });
});

describe('resampleInto (fake decoder geometry)', () => {
  it('letterboxes a 2:1 white image into the middle rows, padding transparent', () => {
    const src = { width: 4, height: 2, rgba: new Uint8ClampedArray(32).fill(255) };
    const out = resampleInto(src, 8, 'letterbox');
    const alphaRows = Array.from({ length: 8 }, (_, y) => out[(y * 8 + 3) * 4 + 3]);
    expect(alphaRows).toEqual([0, 0, 255, 255, 255, 255, 0, 0]);
  });
});

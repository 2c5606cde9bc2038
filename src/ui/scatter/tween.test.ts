import { describe, expect, it } from 'vitest';
import { boundsOf, ease, lerpBox, lerpInto, nearest } from './tween';

describe('tween helpers', () => {
  it('ease is monotone from 0 to 1 and clamps', () => {
    expect(ease(0)).toBe(0);
    expect(ease(1)).toBe(1);
    expect(ease(-1)).toBe(0);
    expect(ease(2)).toBe(1);
    let prev = 0;
    for (let t = 0.05; t <= 1; t += 0.05) {
      expect(ease(t)).toBeGreaterThanOrEqual(prev);
      prev = ease(t);
    }
  });

  it('lerpInto hits both ends and the middle', () => {
    const a = new Float32Array([0, 10]);
    const b = new Float32Array([2, 20]);
    const out = new Float32Array(2);
    lerpInto(out, a, b, 0.5);
    expect(Array.from(out)).toEqual([1, 15]);
    lerpInto(out, a, b, 1);
    expect(Array.from(out)).toEqual([2, 20]);
    expect(lerpBox([0, 1, 0, 1], [2, 3, 2, 3], 0.5)).toEqual([1, 2, 1, 2]);
  });

  it('boundsOf pads, skips non-finite values and never returns an empty box', () => {
    expect(boundsOf(new Float32Array([0, 0, 10, 20, NaN, 99]), 0.1)).toEqual([-1, 11, -2, 22]);
    expect(boundsOf(new Float32Array([]))).toEqual([-1, 1, -1, 1]);
    const [x0, x1] = boundsOf(new Float32Array([3, 3, 3, 3]));
    expect(x1).toBeGreaterThan(x0);
  });

  it('nearest finds the closest point within reach', () => {
    const c = new Float32Array([0, 0, 5, 5, 10, 10]);
    const id = (v: number): number => v;
    expect(nearest(c, id, id, 6, 6, 3)).toBe(1);
    expect(nearest(c, id, id, 50, 50, 3)).toBe(-1);
  });
});

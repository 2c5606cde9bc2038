import { describe, expect, it } from 'vitest';
import { appendFrame, frameCap, indexOfFrame, type TimelineFrame } from './timeline';

const frame = (frameId: number, n = 3): TimelineFrame => ({
  frameId,
  step: frameId * 10,
  phase: 'p',
  coords: new Float32Array(2 * n),
  assignment: null,
  confidence: null,
});

describe('timeline', () => {
  it('caps by frame count and by point budget', () => {
    expect(frameCap(5000)).toBe(200);
    expect(frameCap(70000)).toBe(57);
    expect(frameCap(1e9)).toBe(2);
  });

  it('stays bounded, keeps the first and the newest frame, and stays in order', () => {
    let list: TimelineFrame[] = [];
    for (let id = 1; id <= 1000; id++) {
      list = appendFrame(list, frame(id), 10);
      expect(list.length).toBeLessThanOrEqual(10);
      expect(list[list.length - 1].frameId).toBe(id);
    }
    expect(list[0].frameId).toBe(1);
    for (let i = 1; i < list.length; i++) expect(list[i].frameId).toBeGreaterThan(list[i - 1].frameId);
  });

  it('finds a frame, or the latest before a thinned-away id', () => {
    const list = [frame(2), frame(5), frame(9)];
    expect(indexOfFrame(list, 5)).toBe(1);
    expect(indexOfFrame(list, 7)).toBe(1);
    expect(indexOfFrame(list, 100)).toBe(2);
    expect(indexOfFrame(list, 1)).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import { galleryRows, majorityLabel } from './galleryRows';

describe('galleryRows', () => {
  it('orders each cluster by confidence, shows the most confident, then flags the least confident', () => {
    // 24 points in cluster 0 with confidence i/100 (shuffled order), 1 point in cluster 2, none in 1.
    const n = 25;
    const assignment = new Int32Array(n);
    const confidence = new Float32Array(n);
    for (let i = 0; i < 24; i++) {
      const pos = (i * 7) % 24;
      confidence[pos] = (i + 1) / 100;
    }
    assignment[24] = 2;
    confidence[24] = 0.5;
    const rows = galleryRows({ assignment, confidence, labels: null, k: 3 });
    expect(rows.map((r) => r.size)).toEqual([24, 0, 1]);

    const c0 = rows[0].thumbs;
    expect(c0).toHaveLength(20);
    const confs = c0.map((t) => Math.round(t.confidence! * 100));
    expect(confs.slice(0, 16)).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9]);
    expect(confs.slice(16)).toEqual([4, 3, 2, 1]);
    expect(c0.map((t) => t.flagged)).toEqual([...Array(16).fill(false), ...Array(4).fill(true)]);
    // Each thumb's index points to the point with that confidence.
    for (const t of c0) expect(confidence[t.index]).toBe(t.confidence);

    expect(rows[1].thumbs).toEqual([]);
    expect(rows[2].thumbs).toEqual([{ index: 24, confidence: 0.5, flagged: false }]);
  });

  it('flags only points the top did not already show', () => {
    const assignment = new Int32Array(18);
    const confidence = Float32Array.from({ length: 18 }, (_, i) => 1 - i / 100);
    const thumbs = galleryRows({ assignment, confidence, labels: null, k: 1 })[0].thumbs;
    expect(thumbs.map((t) => t.index)).toEqual([...Array.from({ length: 16 }, (_, i) => i), 16, 17]);
    expect(thumbs.filter((t) => t.flagged).map((t) => t.index)).toEqual([16, 17]);
  });

  it('keeps sample order and flags nothing without confidences; ignores unassigned points', () => {
    const rows = galleryRows({ assignment: Int32Array.from([1, -1, 1, 0, 1]), confidence: null, labels: null, k: 2 });
    expect(rows[1].thumbs.map((t) => t.index)).toEqual([0, 2, 4]);
    expect(rows[1].thumbs.some((t) => t.flagged)).toBe(false);
    expect(rows[0].size + rows[1].size).toBe(4);
  });

  it('breaks confidence ties by sample position and puts NaN last', () => {
    const rows = galleryRows({ assignment: new Int32Array(4), confidence: Float32Array.from([0.5, NaN, 0.9, 0.5]), labels: null, k: 1 });
    expect(rows[0].thumbs.map((t) => t.index)).toEqual([2, 0, 3, 1]);
  });

  it('ignores unknown (−1) labels when naming the majority', () => {
    const rows = galleryRows({ assignment: new Int32Array(3), confidence: null, labels: Int32Array.from([-1, -1, 2]), k: 1 });
    expect(rows[0].majority).toEqual({ label: 2, share: 1 / 3 });
  });

  it('names the majority label with its share', () => {
    const rows = galleryRows({
      assignment: Int32Array.from([0, 0, 0, 0, 1]),
      confidence: Float32Array.from([0.9, 0.8, 0.7, 0.6, 0.5]),
      labels: Int32Array.from([3, 3, 1, 3, 2]),
      k: 2,
    });
    expect(rows[0].majority).toEqual({ label: 3, share: 0.75 });
    expect(rows[1].majority).toEqual({ label: 2, share: 1 });
  });
});

describe('majorityLabel', () => {
  it('takes the lowest label on a tie, and is null when no label is known', () => {
    expect(majorityLabel([0, 0, 2, 0, 0, 2], 4)).toEqual({ label: 2, share: 0.5 });
    expect(majorityLabel([0, 0, 0, 0, 1], 2)).toEqual({ label: 4, share: 0.5 });
    expect(majorityLabel([0, 0], 3)).toBeNull();
    expect(majorityLabel([], 0)).toBeNull();
  });
});

describe('galleryRows against a full sort', () => {
  it('picks the same top and tail as sorting every cluster', () => {
    let seed = 3;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const n = 2000;
    const k = 7;
    const assignment = Int32Array.from({ length: n }, () => Math.floor(rand() * k) - (rand() < 0.05 ? k : 0));
    // Coarse values, so ties (broken by position) are common.
    const confidence = Float32Array.from({ length: n }, () => Math.round(rand() * 20) / 20);
    const rows = galleryRows({ assignment, confidence, labels: null, k });
    for (let c = 0; c < k; c++) {
      const members = [...Array(n).keys()].filter((i) => assignment[i] === c);
      members.sort((a, b) => confidence[b] - confidence[a] || a - b);
      const expected = [...members.slice(0, 16), ...members.slice(Math.max(16, members.length - 4))];
      expect(rows[c].size).toBe(members.length);
      expect(rows[c].thumbs.map((t) => t.index)).toEqual(expected);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { acc } from './acc';
import { classRecall } from './classRecall';

describe('classRecall', () => {
  it('gives each class the share of its points in its matched cluster', () => {
    // Class 0: 3 of 4 in cluster 5; class 1: all 2 in cluster 7; class 2: split 1/1 over 5 and 9.
    const y = [0, 0, 0, 0, 1, 1, 2, 2];
    const p = [5, 5, 5, 7, 7, 7, 5, 9];
    const r = classRecall(y, p);
    expect(r.classes).toEqual([0, 1, 2]);
    // Matching: 5→0 (3), 7→1 (2), 9→2 (1).
    expect(r.recall).toEqual([0.75, 1, 0.5]);
  });

  it('weighted by class size it is ACC', () => {
    const y = [3, 3, 1, 1, 1, 8, 8, 8, 8, 3];
    const p = [0, 1, 1, 1, 2, 2, 2, 0, 2, 0];
    const r = classRecall(y, p);
    const sizes = r.classes.map((c) => y.filter((v) => v === c).length);
    const weighted = r.recall.reduce((s, v, i) => s + v * sizes[i], 0) / y.length;
    expect(weighted).toBeCloseTo(acc(y, p), 12);
  });

  it('gives 0 to a class no cluster is matched to', () => {
    expect(classRecall([0, 1, 2], [4, 4, 4]).recall.filter((v) => v === 0)).toHaveLength(2);
  });
});

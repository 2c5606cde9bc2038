import { describe, expect, it } from 'vitest';
import { computeColoring, matchClustersToClasses, palette } from './colors';

describe('palette', () => {
  it('gives distinct colours, each palette a prefix of longer ones', () => {
    for (const n of [1, 5, 10, 22, 40]) {
      const p = palette(n);
      expect(p).toHaveLength(n);
      expect(new Set(p).size).toBe(n);
      expect(palette(n + 3).slice(0, n)).toEqual(p);
    }
  });
});

describe('matchClustersToClasses', () => {
  it('recovers a permutation', () => {
    const labels = new Int32Array([0, 0, 1, 1, 2, 2, 2]);
    const assign = new Int32Array([2, 2, 0, 0, 1, 1, 0]);
    expect(Array.from(matchClustersToClasses(assign, labels, 3, 3))).toEqual([1, 2, 0]);
  });

  it('gives extra and empty clusters their own slots after the classes', () => {
    const labels = new Int32Array([0, 0, 1, 1]);
    const assign = new Int32Array([3, 3, 1, 1]);
    const slots = Array.from(matchClustersToClasses(assign, labels, 4, 2));
    expect(slots[3]).toBe(0);
    expect(slots[1]).toBe(1);
    expect(slots.slice().sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('computeColoring', () => {
  const labels = new Int32Array([0, 1, 1]);
  it('colours by label with class names in the legend', () => {
    const c = computeColoring({ colorBy: 'label', assignment: null, labels, k: 2, numClasses: 2, classNames: ['a', 'b'] });
    expect(c.slots).toBe(labels);
    expect(c.legend.map((e) => [e.label, e.count])).toEqual([['a', 1], ['b', 2]]);
  });

  it('colours clusters like their matching class, and nothing before clusters exist', () => {
    const assignment = new Int32Array([1, 0, 0]);
    const c = computeColoring({ colorBy: 'cluster', assignment, labels, k: 2, numClasses: 2, classNames: ['a', 'b'] });
    expect(Array.from(c.slots ?? [])).toEqual([0, 1, 1]);
    expect(c.legend[0].label).toBe('cluster 0 ≈ b');
    expect(c.legend[0].color).toBe(palette(2)[1]);
    expect(computeColoring({ colorBy: 'cluster', assignment: null, labels, k: 2, numClasses: 2 }).slots).toBeNull();
  });
});

describe('confidence and correctness colourings', () => {
  it('bins confidence into the viridis ramp, highest bin first in the legend', () => {
    const c = computeColoring({ colorBy: 'confidence', assignment: null, confidence: new Float32Array([0.05, 0.55, 1, NaN]), labels: null, k: 2, numClasses: 2 });
    expect(Array.from(c.slots ?? [])).toEqual([0, 5, 9, -1]);
    expect(c.legend[0].label).toBe('0.9–1.0');
    expect(c.legend.reduce((a, e) => a + e.count, 0)).toBe(3);
    expect(computeColoring({ colorBy: 'confidence', assignment: null, labels: null, k: 2, numClasses: 2 }).slots).toBeNull();
  });

  it('marks points correct when their cluster is Hungarian-matched to their label', () => {
    const labels = new Int32Array([0, 0, 0, 1, 1, 1]);
    const assignment = new Int32Array([1, 1, 0, 0, 0, 1]);
    const c = computeColoring({ colorBy: 'correct', assignment, labels, k: 2, numClasses: 2 });
    // Cluster 1 ↔ label 0 and cluster 0 ↔ label 1 (4 matched points).
    expect(Array.from(c.slots ?? [])).toEqual([0, 0, 1, 0, 0, 1]);
    expect(c.legend.map((e) => [e.label, e.count])).toEqual([['correct', 4], ['incorrect', 2]]);
    expect(computeColoring({ colorBy: 'correct', assignment, labels: null, k: 2, numClasses: 2 }).slots).toBeNull();
  });
});

describe('disagreement colouring', () => {
  it('ignores how clusters are numbered, and marks the points two runs cluster differently', () => {
    const reference = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    // The same partition with other ids: full agreement.
    const same = computeColoring({ colorBy: 'disagree', assignment: Int32Array.from([2, 2, 2, 0, 0, 0, 1, 1, 1]), labels: null, k: 3, numClasses: 3, reference: { assignment: reference, name: 'DEC' } });
    expect(Array.from(same.slots!)).toEqual(new Array(9).fill(0));
    expect(same.legend[0].label).toMatch(/DEC/);
    // Two points moved to another cluster: exactly those two disagree; a point without a cluster is grey.
    const other = computeColoring({ colorBy: 'disagree', assignment: Int32Array.from([2, 2, 0, 0, 0, 0, 1, 1, -1]), labels: null, k: 3, numClasses: 3, reference: { assignment: reference, name: 'DEC' } });
    expect(Array.from(other.slots!)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, -1]);
    expect(other.legend.map((e) => e.count)).toEqual([7, 1]);
    // Nothing to compare with: nothing to colour.
    expect(computeColoring({ colorBy: 'disagree', assignment: reference, labels: null, k: 3, numClasses: 3, reference: null }).slots).toBeNull();
  });
});

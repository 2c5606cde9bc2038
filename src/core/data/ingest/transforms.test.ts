import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset';
import { concatDatasets, subsampleImbalanced } from './transforms';

/** `perClass` rows per class, row i holding the value i in each of `dim` features. */
function balanced(classes: number, perClass: number, dim = 2): Dataset {
  const n = classes * perClass;
  return {
    id: 'bal',
    name: 'Balanced',
    n,
    dim,
    x: Float32Array.from({ length: n * dim }, (_, j) => Math.floor(j / dim)),
    labels: Int32Array.from({ length: n }, (_, i) => i % classes),
    classNames: Array.from({ length: classes }, (_, c) => String(c)),
    numClasses: classes,
    image: { width: dim, height: 1, channels: 1 },
  };
}

const counts = (d: Dataset): number[] => {
  const c = new Array(d.numClasses).fill(0);
  for (const l of d.labels ?? []) c[l]++;
  return c;
};

describe('subsampleImbalanced', () => {
  it('keeps r of class 0, all of the last class, and a linear share between', () => {
    const d = subsampleImbalanced(balanced(10, 1000), 0.1, 7);
    const c = counts(d);
    expect(c[0]).toBeGreaterThan(60);
    expect(c[0]).toBeLessThan(140);
    expect(c[9]).toBe(1000);
    // Class 5 keeps 0.1 + 0.9 · 5/9 = 0.6 on average.
    expect(Math.abs(c[5] - 600)).toBeLessThan(60);
    expect(d.n).toBe(c.reduce((a, b) => a + b, 0));
    expect(d.name).toBe('Balanced (imbalanced, r = 0.1)');
  });

  it('copies the kept rows with their labels, in order', () => {
    const src = balanced(2, 50);
    const d = subsampleImbalanced(src, 0.5, 3);
    for (let r = 0; r < d.n; r++) {
      const i = d.x[r * d.dim];
      expect(d.x[r * d.dim + 1]).toBe(i);
      expect(d.labels?.[r]).toBe(src.labels?.[i]);
      if (r > 0) expect(i).toBeGreaterThan(d.x[(r - 1) * d.dim]);
    }
  });

  it('is deterministic for a seed, different across seeds, and keeps everything at r = 1', () => {
    const src = balanced(4, 200);
    expect(Array.from(subsampleImbalanced(src, 0.2, 1).x)).toEqual(Array.from(subsampleImbalanced(src, 0.2, 1).x));
    expect(Array.from(subsampleImbalanced(src, 0.2, 1).x)).not.toEqual(Array.from(subsampleImbalanced(src, 0.2, 2).x));
    expect(subsampleImbalanced(src, 1, 5).n).toBe(800);
  });

  it('refuses r outside (0, 1], unlabeled data and a single class', () => {
    const src = balanced(3, 5);
    expect(() => subsampleImbalanced(src, 0, 1)).toThrow('must be in (0, 1], got 0');
    expect(() => subsampleImbalanced(src, 1.5, 1)).toThrow('got 1.5');
    expect(() => subsampleImbalanced({ ...src, labels: undefined }, 0.5, 1)).toThrow("'Balanced' has no labels");
    expect(() => subsampleImbalanced({ ...balanced(1, 5) }, 0.5, 1)).toThrow('needs at least 2');
  });
});

describe('concatDatasets', () => {
  it("shifts b's labels past a's classes and prefixes clashing class names", () => {
    const a = { ...balanced(2, 2), name: 'MNIST' };
    const b = { ...balanced(3, 1), name: 'Fashion' };
    const d = concatDatasets(a, b, '2mnist', '2MNIST');
    expect([d.id, d.name, d.n, d.dim, d.numClasses]).toEqual(['2mnist', '2MNIST', 7, 2, 5]);
    expect(Array.from(d.labels ?? [])).toEqual([0, 1, 0, 1, 2, 3, 4]);
    expect(d.classNames).toEqual(['MNIST: 0', 'MNIST: 1', 'Fashion: 0', 'Fashion: 1', 'Fashion: 2']);
    expect(Array.from(d.x.subarray(8, 10))).toEqual([0, 0]); // b's first row follows a's last
    expect(d.image).toEqual(a.image);
  });

  it('keeps distinct class names as they are', () => {
    const a = { ...balanced(2, 1), classNames: ['cat', 'dog'] };
    const b = { ...balanced(2, 1), classNames: ['car', 'bus'] };
    expect(concatDatasets(a, b, 'x', 'x').classNames).toEqual(['cat', 'dog', 'car', 'bus']);
  });

  it('refuses different dims and a labelled + unlabeled pair', () => {
    expect(() => concatDatasets(balanced(2, 1, 2), balanced(2, 1, 3), 'x', 'x')).toThrow("'Balanced' (2 values per row) with 'Balanced' (3)");
    const unlabelled = { ...balanced(2, 1), name: 'Raw', labels: undefined };
    expect(() => concatDatasets(balanced(2, 1), unlabelled, 'x', 'x')).toThrow("'Raw' has no labels");
  });
});

import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset';
import { stackDatasets } from './stack';

const ds = (name: string, rows: number[][], labels?: number[], classNames?: string[]): Dataset => ({
  id: name,
  name,
  n: rows.length,
  dim: rows[0].length,
  x: Float32Array.from(rows.flat()),
  numClasses: classNames?.length ?? 10,
  ...(labels ? { labels: Int32Array.from(labels), classNames } : {}),
  image: { width: rows[0].length, height: 1, channels: 1 },
});

describe('stackDatasets', () => {
  it('stacks rows in order and matches classes by name', () => {
    const a = ds('a', [[1, 2], [3, 4]], [0, 1], ['cat', 'dog']);
    const b = ds('b', [[5, 6]], [0], ['dog']);
    const s = stackDatasets([a, b], 'user', 'both');
    expect([s.id, s.name, s.n, s.dim]).toEqual(['user', 'both', 3, 2]);
    expect(Array.from(s.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(s.labels ?? [])).toEqual([0, 1, 1]);
    expect(s.numClasses).toBe(2);
    expect(s.image).toEqual({ width: 2, height: 1, channels: 1 });
  });

  it('drops labels unless every part has them', () => {
    const s = stackDatasets([ds('a', [[1]], [0], ['x']), ds('b', [[2]])], 'user', 'ab');
    expect(s.labels).toBeUndefined();
    // k = 10 is suggested without labels, but never more than there are rows.
    expect(s.numClasses).toBe(2);
    const many = Array.from({ length: 12 }, (_, i) => [i]);
    expect(stackDatasets([ds('a', many)], 'user', 'a').numClasses).toBe(10);
  });

  it('refuses parts of different widths', () => {
    expect(() => stackDatasets([ds('a', [[1, 2]]), ds('b', [[1, 2, 3]])], 'user', 'ab')).toThrow("'b' has 3 values per row but 'a' has 2");
  });
});

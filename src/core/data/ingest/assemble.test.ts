import { describe, expect, it } from 'vitest';
import { createImageRows, imageDataset } from './assemble';
import type { PreprocessOptions } from './types';

const opts: PreprocessOptions = { size: 28, color: 'gray', fit: 'letterbox', normalize: 'unit' };
/** Opaque grey level v. */
const solid = (v: number): Uint8ClampedArray => Uint8ClampedArray.from({ length: 28 * 28 * 4 }, (_, i) => (i % 4 === 3 ? 255 : v));

describe('imageDataset', () => {
  it('builds a labelled user dataset with one row and path per image', () => {
    const { dataset, paths } = imageDataset(
      [
        { path: 's/a/1.png', rgba: solid(255) },
        { path: 's/b/2.png', rgba: solid(51) },
      ],
      { labels: Int32Array.of(0, 1), classNames: ['a', 'b'] },
      opts,
      'shapes',
    );
    expect([dataset.id, dataset.name, dataset.n, dataset.dim, dataset.numClasses]).toEqual(['user', 'shapes', 2, 784, 2]);
    expect(dataset.image).toEqual({ width: 28, height: 28, channels: 1 });
    expect(dataset.x[0]).toBeCloseTo(1, 6);
    expect(dataset.x[784]).toBeCloseTo(0.2, 6);
    expect(Array.from(dataset.labels ?? [])).toEqual([0, 1]);
    expect(dataset.classNames).toEqual(['a', 'b']);
    expect(paths).toEqual(['s/a/1.png', 's/b/2.png']);
  });

  it('suggests k = 10 without labels, but never more than n', () => {
    const rows = (n: number): { path: string; rgba: Uint8ClampedArray }[] => Array.from({ length: n }, (_, i) => ({ path: `${i}.png`, rgba: solid(i) }));
    expect(imageDataset(rows(12), {}, opts, 'x').dataset.numClasses).toBe(10);
    const small = imageDataset(rows(3), {}, opts, 'x').dataset;
    expect(small.numClasses).toBe(3);
    expect(small.labels).toBeUndefined();
    expect(small.classNames).toBeUndefined();
  });

  it('has 3 channels per pixel for rgb', () => {
    const { dataset } = imageDataset([{ path: 'a.png', rgba: solid(255) }], {}, { ...opts, color: 'rgb', size: 28 }, 'x');
    expect(dataset.dim).toBe(28 * 28 * 3);
    expect(dataset.image?.channels).toBe(3);
  });
});

describe('createImageRows', () => {
  it('trims rows reserved but never filled', () => {
    const rows = createImageRows(5, opts);
    rows.add('a.png', solid(255));
    rows.add('b.png', solid(0));
    expect(rows.count).toBe(2);
    expect(rows.row(0)[0]).toBeCloseTo(1, 6);
    const { dataset } = rows.finish({}, 'x');
    expect(dataset.x.length).toBe(2 * 784);
    expect(dataset.n).toBe(2);
  });

  it('refuses more rows than reserved, and labels that do not match the rows', () => {
    const rows = createImageRows(1, opts);
    rows.add('a.png', solid(1));
    expect(() => rows.add('b.png', solid(1))).toThrow('more than the 1 rows reserved');
    expect(() => rows.finish({ labels: Int32Array.of(0, 1), classNames: ['a', 'b'] }, 'x')).toThrow('2 labels for 1 rows');
  });
});

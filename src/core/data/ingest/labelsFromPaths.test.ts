import { describe, expect, it } from 'vitest';
import { labelsFromPaths } from './labelsFromPaths';

describe('labelsFromPaths', () => {
  it('uses the first folder under the shared root as the label, classes in sorted order', () => {
    const r = labelsFromPaths(['shapes/square/1.png', 'shapes/circle/2.png', 'shapes/bar/3.png', 'shapes/circle/4.png']);
    expect(r.root).toBe('shapes');
    expect(r.classNames).toEqual(['bar', 'circle', 'square']);
    expect(Array.from(r.labels ?? [])).toEqual([2, 1, 0, 1]);
    expect(r.notice).toBe('Labels from folder names: 3 classes (bar, circle, square)');
  });

  it('sorts numeric class folders by value', () => {
    const r = labelsFromPaths(['d/10/a.png', 'd/2/b.png', 'd/1/c.png']);
    expect(r.classNames).toEqual(['1', '2', '10']);
    expect(Array.from(r.labels ?? [])).toEqual([2, 1, 0]);
  });

  it('labels by the first level under the root however deep the images are', () => {
    const deep = (cls: string, i: number): string => `root/${cls}/a/b/c/d/e/${i}.png`;
    const r = labelsFromPaths([deep('cat', 1), deep('dog', 2), 'root/cat/x.png']);
    expect(r.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(r.labels ?? [])).toEqual([0, 1, 0]);
  });

  it('works without a shared root and with non-ASCII names, normalising to NFC', () => {
    const decomposed = 'cafe\u0301';
    const r = labelsFromPaths([`café/ñandú 图.png`, `${decomposed}/b.png`, 'thé/c.png']);
    expect(r.root).toBe('');
    expect(r.classNames).toEqual(['café', 'thé']);
    expect(Array.from(r.labels ?? [])).toEqual([0, 0, 1]);
  });

  it('is unlabeled, with a notice, when some images are outside any class folder', () => {
    const paths = [...Array.from({ length: 28 }, (_, i) => `p/cls${i % 2}/${i}.png`), ...Array.from({ length: 12 }, (_, i) => `p/${i}.png`)];
    const r = labelsFromPaths(paths);
    expect(r.labels).toBeUndefined();
    expect(r.classNames).toBeUndefined();
    expect(r.notice).toBe('12 of 40 images are not in a class folder, so the set is treated as unlabeled');
    expect(labelsFromPaths(['p/a/1.png', 'p/2.png']).notice).toBe('1 of 2 images is not in a class folder, so the set is treated as unlabeled');
  });

  it('is unlabeled without a notice for a flat folder or a single class folder', () => {
    expect(labelsFromPaths(['flat/1.png', 'flat/2.png'])).toEqual({ root: 'flat' });
    expect(labelsFromPaths(['a/cats/1.png', 'a/cats/2.png'])).toEqual({ root: 'a/cats' });
    expect(labelsFromPaths(['1.png', '2.png'])).toEqual({ root: '' });
    expect(labelsFromPaths([])).toEqual({ root: '' });
  });
});

import { describe, expect, it } from 'vitest';
import { dropDuplicates, duplicatesNotice, fnv1a } from './duplicates';

const f = (path: string, ...bytes: number[]): { path: string; bytes: Uint8Array } => ({ path, bytes: Uint8Array.from(bytes) });

describe('fnv1a', () => {
  it('differs for different content and for the same bytes at another length', () => {
    expect(fnv1a(Uint8Array.of(1, 2, 3))).toBe(fnv1a(Uint8Array.of(1, 2, 3)));
    expect(fnv1a(Uint8Array.of(1, 2, 3))).not.toBe(fnv1a(Uint8Array.of(1, 2, 4)));
    expect(fnv1a(Uint8Array.of(0))).not.toBe(fnv1a(Uint8Array.of(0, 0)));
  });
});

describe('dropDuplicates', () => {
  it('keeps the first of each identical set, in the given order', () => {
    const files = [f('a.png', 1, 2), f('b.png', 1, 2), f('c.png', 1, 3), f('d.png', 1, 2), f('e.png', 9)];
    const { kept, duplicates } = dropDuplicates(files);
    expect(kept.map((x) => x.path)).toEqual(['a.png', 'c.png', 'e.png']);
    expect(duplicates.map((d) => [d.duplicate.path, d.original.path])).toEqual([
      ['b.png', 'a.png'],
      ['d.png', 'a.png'],
    ]);
  });

  it('compares bytes, so files that merely share a length are kept', () => {
    const { kept } = dropDuplicates([f('a', 1, 2, 3), f('b', 3, 2, 1), f('c', 2, 1, 3)]);
    expect(kept).toHaveLength(3);
  });
});

describe('duplicatesNotice', () => {
  it('counts and names the pairs', () => {
    const a = { path: 'a.png' };
    expect(duplicatesNotice([{ duplicate: { path: 'b.png' }, original: a }])).toBe(
      '1 duplicate file was skipped (same content as a file that was kept): b.png = a.png',
    );
    const many = Array.from({ length: 7 }, (_, i) => ({ duplicate: { path: `d${i}.png` }, original: a }));
    expect(duplicatesNotice(many)).toBe(
      '7 duplicate files were skipped (same content as a file that was kept): d0.png = a.png, d1.png = a.png, d2.png = a.png, d3.png = a.png, d4.png = a.png and 2 more',
    );
  });
});

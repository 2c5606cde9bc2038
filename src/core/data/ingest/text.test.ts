import { describe, expect, it } from 'vitest';
import { formatCount, listSome, plural, shortText } from './text';

describe('message wording', () => {
  it('groups thousands with commas in every locale', () => {
    expect(formatCount(20500)).toBe('20,500');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234567.5)).toBe('1,234,567.5');
  });

  it('pluralises', () => {
    expect(plural(1, 'image')).toBe('1 image');
    expect(plural(20000, 'image')).toBe('20,000 images');
    expect(plural(2, 'class', 'classes')).toBe('2 classes');
  });

  it('shortens long lists', () => {
    expect(listSome(['a', 'b'])).toBe('a, b');
    expect(listSome(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more');
  });

  it('cuts long text to at most max characters, ending in an ellipsis, without splitting a surrogate pair', () => {
    expect(shortText('cat', 3)).toBe('cat');
    expect(shortText('kitten', 4)).toBe('kit…');
    expect(shortText('x'.repeat(20_000_000), 40)).toHaveLength(40);
    expect(shortText('ab😀cd', 4)).toBe('ab…');
    expect(shortText('abc😀', 4)).toBe('abc…');
  });
});

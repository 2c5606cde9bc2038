import { describe, expect, it } from 'vitest';
import { asPngName, createNameClaimer, safeBaseName } from './uniqueNames';

describe('createNameClaimer', () => {
  it('numbers repeats within a folder, case-insensitively, and not across folders', () => {
    const claim = createNameClaimer();
    expect(claim('c0', 'a.png')).toBe('a.png');
    expect(claim('c0', 'a.png')).toBe('a-2.png');
    expect(claim('c0', 'A.png')).toBe('A-3.png');
    expect(claim('c1', 'a.png')).toBe('a.png');
    expect(claim('c0', 'README')).toBe('README');
    expect(claim('c0', 'README')).toBe('README-2');
  });

  it('skips a number already taken by a real file', () => {
    const claim = createNameClaimer();
    expect(claim('f', 'a-2.png')).toBe('a-2.png');
    expect(claim('f', 'a.png')).toBe('a.png');
    expect(claim('f', 'a.png')).toBe('a-3.png');
  });
});

describe('safeBaseName / asPngName', () => {
  it('keeps the last segment and replaces characters no file system takes', () => {
    expect(safeBaseName('cats/tabby/猫 1.jpg')).toBe('猫 1.jpg');
    expect(safeBaseName('a\\b\\c:d?.png')).toBe('c_d_.png');
    expect(safeBaseName('..')).toBe('_');
    expect(safeBaseName('dir/')).toBe('image');
  });

  it('gives re-encoded images a .png extension', () => {
    expect(asPngName('cat.JPG')).toBe('cat.png');
    expect(asPngName('cat.png')).toBe('cat.png');
    expect(asPngName('train.idx#12')).toBe('train.idx#12.png');
  });
});

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

  it('removes bidirectional overrides and control characters that disguise a name', () => {
    expect(safeBaseName('photos/cat\u202Egnp.exe')).toBe('cat_gnp.exe');
    expect(safeBaseName('a\u2066b\u2069\u200f\u061c.png')).toBe('a_b___.png');
    expect(safeBaseName('bell\u0007\u009b.png')).toBe('bell__.png');
  });

  it('makes Windows-reserved device names and trailing dots or spaces safe', () => {
    expect(safeBaseName('x/CON.png')).toBe('_CON.png');
    expect(safeBaseName('nul.png')).toBe('_nul.png');
    expect(safeBaseName('Com1.tar.gz')).toBe('_Com1.tar.gz');
    expect(safeBaseName('lpt9')).toBe('_lpt9');
    expect(safeBaseName('aux .png')).toBe('_aux .png');
    expect(safeBaseName('console.png')).toBe('console.png');
    expect(safeBaseName('cat.png. . ')).toBe('cat.png');
    expect(safeBaseName('prn.')).toBe('_prn');
    expect(safeBaseName(' . ')).toBe('image');
    expect(asPngName(safeBaseName('nul'))).toBe('_nul.png');
  });

  it('cuts long names to 200 UTF-8 bytes, keeping the extension and whole characters', () => {
    expect(safeBaseName(`${'a'.repeat(300)}.png`)).toBe(`${'a'.repeat(196)}.png`);
    const cut = safeBaseName(`${'猫'.repeat(100)}.jpeg`);
    expect(cut).toBe(`${'猫'.repeat(65)}.jpeg`);
    expect(new TextEncoder().encode(cut).length).toBeLessThanOrEqual(200);
    expect(safeBaseName('x'.repeat(65_535))).toHaveLength(200);
  });

  it('gives re-encoded images a .png extension', () => {
    expect(asPngName('cat.JPG')).toBe('cat.png');
    expect(asPngName('cat.png')).toBe('cat.png');
    expect(asPngName('train.idx#12')).toBe('train.idx#12.png');
  });
});

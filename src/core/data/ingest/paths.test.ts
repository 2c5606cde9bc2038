import { describe, expect, it } from 'vitest';
import { archiveFolder, extensionOf, fileNameOf, isJunkPath, naturalCompare, normalisePath, sharedFolder } from './paths';

describe('normalisePath', () => {
  it('uses forward slashes and drops empty, "." and ".." segments', () => {
    expect(normalisePath('\\photos\\cats\\a.png')).toBe('photos/cats/a.png');
    expect(normalisePath('./a//b/../c.png')).toBe('a/b/c.png');
  });
});

describe('fileNameOf / extensionOf / archiveFolder', () => {
  it('reads the last segment and its lower-case extension', () => {
    expect(fileNameOf('a/b/C.PNG')).toBe('C.PNG');
    expect(extensionOf('a/b/C.PNG')).toBe('png');
    expect(extensionOf('a/.hidden')).toBe('');
    expect(extensionOf('README')).toBe('');
  });

  it("places an archive's entries under its name without the archive extension", () => {
    expect(archiveFolder('photos.zip')).toBe('photos');
    expect(archiveFolder('d/cifar-10-binary.tar.gz')).toBe('d/cifar-10-binary');
    expect(archiveFolder('x.tgz')).toBe('x');
    expect(archiveFolder('data.npz')).toBe('data.npz');
  });
});

describe('isJunkPath', () => {
  it('recognises OS junk and hidden files anywhere in the path', () => {
    for (const p of ['.DS_Store', 'a/.DS_Store', '__MACOSX/a/._b.png', 'a/Thumbs.db', 'desktop.ini', '.git/config', 'x/._photo.jpg']) {
      expect(isJunkPath(p), p).toBe(true);
    }
  });

  it('keeps ordinary files', () => {
    for (const p of ['a/b.png', 'thumbs/a.png', 'MACOSX.png', 'x.y/z.png']) expect(isJunkPath(p), p).toBe(false);
  });
});

describe('naturalCompare', () => {
  it('orders digit runs by value', () => {
    expect(['img10.png', 'img2.png', 'img1.png', 'a/img3.png'].sort(naturalCompare)).toEqual(['a/img3.png', 'img1.png', 'img2.png', 'img10.png']);
  });

  it('is a total order: equal strings 0, leading zeros after the shorter, prefixes first', () => {
    expect(naturalCompare('x', 'x')).toBe(0);
    expect(naturalCompare('img01', 'img1')).toBeGreaterThan(0);
    expect(naturalCompare('img', 'img1')).toBeLessThan(0);
    expect(naturalCompare('99999999999999999999', '100000000000000000000')).toBeLessThan(0);
    expect(Math.sign(naturalCompare('b', 'a'))).toBe(-Math.sign(naturalCompare('a', 'b')));
  });
});

describe('sharedFolder', () => {
  it('finds the folders every path lies in', () => {
    expect(sharedFolder(['a/b/1.png', 'a/c/2.png'])).toBe('a');
    expect(sharedFolder(['a/b/1.png', 'a/b/2.png'])).toBe('a/b');
    expect(sharedFolder(['a/1.png', '2.png'])).toBe('');
    expect(sharedFolder([])).toBe('');
  });
});

import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeIdx } from '../idx';
import { encodeNpy } from '../formats/testFixtures';
import { encodePng } from './encodePng';
import { looksLikeText, sniffFile } from './sniff';
import { bmp, gifHeader, jpegHeader, svgFile, tarOf, textAsPng, webpHeader, zipOf } from './testing/fixtures';

const PNG = encodePng(1, 1, 1, Uint8Array.of(0));
const kindOf = (path: string, bytes: Uint8Array): string => sniffFile(path, bytes).kind;
const problemOf = (path: string, bytes: Uint8Array): string => {
  const k = sniffFile(path, bytes);
  return 'problem' in k ? k.problem : `(no problem: ${k.kind})`;
};

describe('sniffFile', () => {
  it('recognises images by content, whatever their extension', () => {
    expect(sniffFile('a.jpg', PNG)).toEqual({ kind: 'image', image: 'png' });
    expect(sniffFile('noext', jpegHeader(3, 4))).toEqual({ kind: 'image', image: 'jpeg' });
    expect(sniffFile('x.png', gifHeader(2, 2))).toEqual({ kind: 'image', image: 'gif' });
    expect(sniffFile('x', webpHeader('VP8L', 5, 6))).toEqual({ kind: 'image', image: 'webp' });
    expect(sniffFile('x.bmp', bmp(2, 2))).toEqual({ kind: 'image', image: 'bmp' });
  });

  it('does not take text that starts with "BM" for a bitmap', () => {
    expect(kindOf('brands.csv', strToU8('BMW,1,2\nAudi,3,4\n'))).toBe('table');
  });

  it('refuses a text file named .png, saying it starts with text', () => {
    const { path, bytes } = textAsPng('photos/notes.png');
    const message = problemOf(path, bytes);
    expect(message).toContain('photos/notes.png is not an image (it starts with text: "<!DOCTYPE html>');
    expect(message).toContain('download it again');
  });

  it('refuses binary junk named .jpg without calling it text', () => {
    expect(problemOf('x.jpg', Uint8Array.of(1, 2, 3, 0, 5))).toContain('x.jpg is not an image (its content is not PNG, JPEG, WebP, GIF or BMP)');
  });

  it('reports empty files', () => {
    expect(sniffFile('a/b.png', new Uint8Array(0))).toEqual({ kind: 'empty', problem: 'a/b.png is an empty file (0 bytes) — the copy or download probably failed' });
  });

  it('skips OS junk silently, even when it is empty', () => {
    expect(kindOf('.DS_Store', strToU8('Bud1'))).toBe('ignored');
    expect(kindOf('__MACOSX/shapes/._a.png', new Uint8Array(0))).toBe('ignored');
    expect(kindOf('pics/Thumbs.db', Uint8Array.of(0xd0, 0xcf))).toBe('ignored');
  });

  it('recognises SVG by extension or content and says to export PNG', () => {
    const { path, bytes } = svgFile('art/logo.svg');
    expect(problemOf(path, bytes)).toBe('art/logo.svg is a vector image (SVG), which is not loaded — export it as PNG');
    expect(kindOf('logo.xml', bytes)).toBe('svg');
  });

  it('recognises archives and dataset formats by their magic numbers', () => {
    expect(kindOf('renamed.dat', zipOf([{ path: 'a.png', bytes: PNG }]))).toBe('zip');
    expect(kindOf('x.gz', Uint8Array.of(0x1f, 0x8b, 8, 0))).toBe('gzip');
    expect(kindOf('x.tar', tarOf([{ path: 'a.png', bytes: PNG }]))).toBe('tar');
    expect(kindOf('weird-name', new Uint8Array(encodeIdx([2, 2, 2], new Uint8Array(8))))).toBe('idx');
    expect(kindOf('arr.bin', encodeNpy({ descr: '<f4', shape: [1], body: new Uint8Array(4) }))).toBe('npy');
  });

  it('takes .bin files of whole 3073-byte records for CIFAR-10 batches', () => {
    expect(kindOf('data_batch_1.bin', new Uint8Array(3073 * 2))).toBe('cifar');
    expect(problemOf('x.bin', new Uint8Array(3074 * 2))).toBe(
      'x.bin is 6148 bytes, not a whole number of 3073-byte CIFAR-10 records — it looks like CIFAR-100 (two label bytes per record), which is not supported',
    );
    expect(problemOf('y.bin', new Uint8Array(100))).toContain('use the binary version of CIFAR-10');
  });

  it('sends files named like IDX or .npy to their parser even without the magic number', () => {
    expect(kindOf('train-images-idx3-ubyte', strToU8('garbage!'))).toBe('idx');
    expect(kindOf('t10k-labels.idx1', Uint8Array.of(9, 9, 9, 9))).toBe('idx');
    expect(kindOf('x.npy', strToU8('not numpy'))).toBe('npy');
  });

  it('takes .csv/.tsv/.txt as tables only when they read as text', () => {
    expect(kindOf('iris.csv', strToU8('a,b\n1,2\n'))).toBe('table');
    expect(kindOf('data.tsv', strToU8('a\tb\n'))).toBe('table');
    expect(problemOf('bin.csv', Uint8Array.of(1, 0, 2, 3))).toBe('bin.csv could not be read as a table: it is not text — tables must be CSV or TSV text');
    expect(problemOf('excel.txt', Uint8Array.of(0xff, 0xfe, 0x61, 0x00))).toContain('UTF-16 text — save it as UTF-8 CSV');
  });

  it('names formats it recognises but cannot read', () => {
    expect(problemOf('scan.tif', Uint8Array.of(0x49, 0x49, 0x2a, 0x00, 8, 0))).toBe('scan.tif is a TIFF image, which browsers cannot decode — convert it to PNG');
    const heic = Uint8Array.of(0, 0, 0, 24, ...strToU8('ftypheic'), 0, 0, 0, 0);
    expect(problemOf('IMG_1.HEIC', heic)).toContain('IMG_1.HEIC is a HEIC/HEIF image');
    expect(problemOf('a.rar', strToU8('Rar!\x1a\x07\x00'))).toContain('only .zip and .tar archives are opened');
    expect(problemOf('doc.pdf', strToU8('%PDF-1.4'))).toContain('doc.pdf is a PDF document');
  });

  it('lists what it reads for anything else', () => {
    expect(problemOf('notes.docx', strToU8('hello'))).toBe(
      'notes.docx is not a file type this app reads — drop PNG, JPEG, WebP, GIF or BMP images, .zip/.tar archives of them, or MNIST IDX, CIFAR-10 .bin, CSV/TSV or .npy files',
    );
  });
});

describe('looksLikeText', () => {
  it('accepts UTF-8 text and rejects NUL bytes or many control characters', () => {
    expect(looksLikeText(strToU8('café,ñandú 图\n1,2\n'))).toBe(true);
    expect(looksLikeText(Uint8Array.of(0x61, 0x00, 0x62))).toBe(false);
    expect(looksLikeText(Uint8Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 2 : 0x61)))).toBe(false);
  });
});

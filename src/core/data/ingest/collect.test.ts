import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gzip } from '../formats/testFixtures';
import { collectInputs } from './collect';
import { evenlySpaced } from './rowCap';
import { encodePng } from './encodePng';
import {
  corruptedZip,
  emptyFile,
  idxPair,
  nestedZips,
  pngClaimingSize,
  shapesFolder,
  tarOf,
  textAsPng,
  tinyImages,
  truncatedJpeg,
  truncatedPng,
  uniquePng,
  zipOf,
} from './testing/fixtures';
import type { InputFile } from './types';

const img = (path: string, id = 0): InputFile => ({ path, bytes: uniquePng(id) });

describe('collectInputs', () => {
  it('returns images in natural path order with their kind and header size', async () => {
    const c = await collectInputs([img('d/img10.png', 1), img('d/img2.png', 2), img('d\\img1.png', 3)]);
    expect(c.images.map((i) => i.path)).toEqual(['d/img1.png', 'd/img2.png', 'd/img10.png']);
    expect(c.images[0]).toMatchObject({ kind: 'png', width: 4, height: 2 });
    expect(c.problems).toEqual([]);
    expect(c.notices).toEqual([]);
  });

  it('sorts dataset files into their buckets, gunzipping .gz files but keeping their names', async () => {
    const [images, labels] = idxPair(3);
    const c = await collectInputs([
      { path: 'mnist/train-images-idx3-ubyte.gz', bytes: await gzip(images.bytes) },
      { path: 'mnist/train-labels-idx1-ubyte', bytes: labels.bytes },
      { path: 'iris.csv.gz', bytes: await gzip(strToU8('a,b\n1,2\n')) },
      { path: 'batch.bin', bytes: new Uint8Array(3073) },
    ]);
    expect(c.idx.map((f) => f.path)).toEqual(['mnist/train-images-idx3-ubyte.gz', 'mnist/train-labels-idx1-ubyte']);
    expect(Array.from(c.idx[0].bytes)).toEqual(Array.from(images.bytes));
    expect(c.tables.map((f) => f.path)).toEqual(['iris.csv.gz']);
    expect(c.cifar.map((f) => f.path)).toEqual(['batch.bin']);
    expect(c.images).toEqual([]);
    expect(c.problems).toEqual([]);
  });

  it('opens zips and .tar.gz archives in the drop', async () => {
    const tgz = await gzip(tarOf([{ path: 'cifar-10-batches-bin/data_batch_1.bin', bytes: new Uint8Array(3073 * 2) }]));
    const c = await collectInputs([
      { path: 'photos.zip', bytes: zipOf([img('cats/a.png', 1), img('dogs/b.png', 2)]) },
      { path: 'cifar-10-binary.tar.gz', bytes: tgz },
    ]);
    expect(c.images.map((i) => i.path)).toEqual(['photos/cats/a.png', 'photos/dogs/b.png']);
    expect(c.cifar.map((f) => [f.path, f.bytes.length])).toEqual([['cifar-10-binary/cifar-10-batches-bin/data_batch_1.bin', 6146]]);
  });

  it('counts tar and zip levels together against the nesting limit', async () => {
    const tarInZips = nestedZips(3, [{ path: 'inner.tar', bytes: tarOf([img('x.png')]) }]);
    const c = await collectInputs([tarInZips]);
    expect(c.images).toEqual([]);
    expect(c.problems.map((p) => p.path)).toEqual(['level1/level2/level3/inner.tar']);
    expect(c.problems[0].message).toContain('nested more than 3 levels deep');
  });

  it('reports each bad file by name and keeps the good ones', async () => {
    const good = shapesFolder({ perClass: 2, root: 'ok' });
    const c = await collectInputs([
      ...good,
      emptyFile('bad/empty.png'),
      truncatedPng('bad/cut.png'),
      truncatedJpeg('bad/cut.jpg'),
      textAsPng('bad/notes.png'),
      pngClaimingSize('bad/huge.png', 10000, 10000),
      corruptedZip('bad/broken.zip'),
      { path: 'bad/fake.gz', bytes: Uint8Array.of(0x1f, 0x8b, 8, 0, 1, 2, 3) },
    ]);
    expect(c.images.map((i) => i.path)).toEqual(good.map((f) => f.path).sort());
    const byPath = Object.fromEntries(c.problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath)).toEqual(['bad/broken.zip', 'bad/cut.jpg', 'bad/cut.png', 'bad/empty.png', 'bad/fake.gz', 'bad/huge.png', 'bad/notes.png']);
    expect(byPath['bad/empty.png']).toContain('bad/empty.png is an empty file (0 bytes)');
    expect(byPath['bad/cut.png']).toBe('bad/cut.png is a truncated or damaged PNG image — export or download it again');
    expect(byPath['bad/cut.jpg']).toBe('bad/cut.jpg is a truncated or damaged JPEG image — export or download it again');
    expect(byPath['bad/notes.png']).toContain('bad/notes.png is not an image (it starts with text');
    expect(byPath['bad/huge.png']).toContain('bad/huge.png is 10,000 × 10,000 pixels (100 megapixels), over the limit of 40 megapixels');
    expect(byPath['bad/broken.zip']).toContain('bad/broken.zip could not be opened as a zip');
    expect(byPath['bad/fake.gz']).toContain("'bad/fake.gz' looks gzip-compressed but could not be decompressed");
  });

  it('refuses a gzip inside a gzip', async () => {
    const c = await collectInputs([{ path: 'twice.csv.gz.gz', bytes: await gzip(await gzip(strToU8('a\n1\n'))) }]);
    expect(c.problems).toEqual([{ path: 'twice.csv.gz.gz', message: 'twice.csv.gz.gz is gzip-compressed twice, which is not read — decompress it and drop the result' }]);
  });

  it('skips OS junk without a problem', async () => {
    const c = await collectInputs([img('a.png'), { path: '.DS_Store', bytes: strToU8('Bud1') }, { path: '__MACOSX/._a.png', bytes: new Uint8Array(0) }]);
    expect(c.images).toHaveLength(1);
    expect(c.problems).toEqual([]);
  });

  it('keeps the first of identical files in path order and says which were skipped', async () => {
    const same = encodePng(2, 2, 1, Uint8Array.of(1, 2, 3, 4));
    const c = await collectInputs([
      { path: 'z/copy.png', bytes: same },
      { path: 'a/orig.png', bytes: same },
      { path: 'photos.zip', bytes: zipOf([{ path: 'orig.png', bytes: same }]) },
      img('b/other.png', 7),
    ]);
    expect(c.images.map((i) => i.path)).toEqual(['a/orig.png', 'b/other.png']);
    expect(c.notices).toEqual(['2 duplicate files were skipped (same content as a file that was kept): photos/orig.png = a/orig.png, z/copy.png = a/orig.png']);
  });

  it('caps the number of images, spreading the kept ones evenly over the path order', async () => {
    const files = [...tinyImages(15, 'a'), ...tinyImages(15, 'b').map((f, i) => ({ ...f, bytes: uniquePng(100 + i) }))];
    const c = await collectInputs(files, { maxImages: 10 });
    expect(c.images).toHaveLength(10);
    // Both folders keep half: the first ten in path order would all be from 'a'.
    expect(c.images.filter((i) => i.path.startsWith('b/'))).toHaveLength(5);
    expect(c.notices).toEqual([
      '10 of 30 images loaded, spread evenly over the folders; the rest were left out (limit 10) — drop a smaller folder or a sample',
    ]);
  });

  it('applies the real 20,000 limit', async () => {
    const files = tinyImages(20_003);
    const c = await collectInputs(files);
    expect(c.images).toHaveLength(20_000);
    expect(new Set(c.images.map((i) => i.path)).size).toBe(20_000);
    expect(c.notices).toEqual([
      '20,000 of 20,003 images loaded, spread evenly over the folders; the rest were left out (limit 20,000) — drop a smaller folder or a sample',
    ]);
  });

  it('reports progress over the dropped files', async () => {
    const calls: [string, number, number][] = [];
    await collectInputs(tinyImages(120), { onProgress: (s, d, t) => calls.push([s, d, t]) });
    expect(calls).toEqual([
      ['Reading files', 0, 120],
      ['Reading files', 50, 120],
      ['Reading files', 100, 120],
      ['Reading files', 120, 120],
    ]);
  });
});

describe('evenlySpaced', () => {
  it('picks strictly increasing indices starting at 0, or all when there is room', () => {
    expect(evenlySpaced(10, 4)).toEqual([0, 2, 5, 7]);
    expect(evenlySpaced(3, 5)).toEqual([0, 1, 2]);
    const many = evenlySpaced(20_500, 20_000);
    expect(many.every((v, i) => i === 0 || v > many[i - 1])).toBe(true);
  });
});

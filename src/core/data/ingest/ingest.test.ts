import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodePng } from './encodePng';
import { ingest, IngestError, previewRows, type IngestOptions } from './ingest';
import { fakeDecode } from './testing/fakeDecode';
import {
  corruptedZip,
  csvFile,
  emptyFile,
  gifWithFrame,
  idxPair,
  idxTruncated,
  idxWrongMagic,
  mixedImages,
  nestedZips,
  png,
  pngClaimingSize,
  shapesFolder,
  svgFile,
  textAsPng,
  tinyImages,
  truncatedJpeg,
  truncatedPng,
  uniquePng,
  zipOf,
} from './testing/fixtures';
import { DEFAULT_PREPROCESS, type InputFile, type PreprocessOptions } from './types';

const options = (o: Partial<IngestOptions> = {}, pre: Partial<PreprocessOptions> = {}): IngestOptions => ({
  preprocess: { ...DEFAULT_PREPROCESS, ...pre },
  decode: fakeDecode,
  ...o,
});

/** The IngestError ingest throws for `files` (fails the test when it does not throw one). */
async function ingestError(files: InputFile[], o: Partial<IngestOptions> = {}): Promise<IngestError> {
  const error = await ingest(files, options(o)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

const problemFor = (problems: { path: string; message: string }[], path: string): string =>
  problems.find((p) => p.path === path)?.message ?? `(no problem for ${path}: ${JSON.stringify(problems)})`;

describe('ingest: images', () => {
  it('turns a labelled folder of shapes into a labelled dataset', async () => {
    const files = shapesFolder({ perClass: 10, seed: 4 });
    const r = await ingest(files, options());
    const d = r.dataset;
    expect([d.id, d.name, d.n, d.dim, d.numClasses]).toEqual(['user', 'shapes', 30, 784, 3]);
    expect(d.classNames).toEqual(['bar', 'circle', 'square']);
    expect(d.image).toEqual({ width: 28, height: 28, channels: 1 });
    expect(r.paths).toHaveLength(30);
    expect(r.paths[0]).toBe('shapes/bar/000.png');
    // Row i's label is the folder of path i.
    r.paths.forEach((p, i) => expect(d.classNames?.[d.labels?.[i] ?? -1]).toBe(p.split('/')[1]));
    expect(Array.from(new Set(d.labels))).toEqual([0, 1, 2]);
    expect(r.problems).toEqual([]);
    expect(r.notices).toEqual(['Labels from folder names: 3 classes (bar, circle, square)']);
    expect(r.preview).toHaveLength(8);
    expect(r.preview[0]).toHaveLength(784);
    // White shapes on black: every image has both.
    expect(Math.max(...r.preview[0])).toBe(255);
    expect(Math.min(...r.preview[0])).toBe(0);
    expect(d.x.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('gives the same dataset whatever order the files come in', async () => {
    const files = shapesFolder({ perClass: 4, seed: 2 });
    const a = await ingest(files, options());
    const b = await ingest([...files].reverse(), options());
    expect(b.paths).toEqual(a.paths);
    expect(Array.from(b.dataset.x)).toEqual(Array.from(a.dataset.x));
  });

  it('leaves a flat folder unlabeled with k = 10, or n when smaller', async () => {
    const many = await ingest(tinyImages(15, 'flat'), options());
    expect(many.dataset.labels).toBeUndefined();
    expect(many.dataset.numClasses).toBe(10);
    expect(many.dataset.name).toBe('flat');
    expect(many.notices).toEqual([]);
    const few = await ingest(tinyImages(4, 'flat'), options());
    expect(few.dataset.numClasses).toBe(4);
    expect(few.preview).toHaveLength(4);
  });

  it('brings mixed sizes and channel counts to one shape, grey or rgb', async () => {
    const grey = await ingest(mixedImages(), options());
    expect([grey.dataset.n, grey.dataset.dim]).toEqual([4, 784]);
    const rgb = await ingest(mixedImages(), options({}, { color: 'rgb', size: 32 }));
    expect([rgb.dataset.n, rgb.dataset.dim]).toEqual([4, 32 * 32 * 3]);
    expect(rgb.dataset.image).toEqual({ width: 32, height: 32, channels: 3 });
    expect(rgb.preview[0]).toHaveLength(32 * 32 * 3);
  });

  it('letterboxes a 2:1 image into the middle band, the padding black', async () => {
    const wide = png('w/wide.png', 56, 28, 1, () => 255);
    const r = await ingest([wide, png('w/other.png', 2, 2, 1, () => 128)], options());
    const row = r.dataset.x.subarray(r.paths.indexOf('w/wide.png') * 784, r.paths.indexOf('w/wide.png') * 784 + 784);
    const rowMeans = Array.from({ length: 28 }, (_, y) => row.subarray(y * 28, y * 28 + 28).reduce((a, b) => a + b, 0) / 28);
    expect(rowMeans.slice(0, 7)).toEqual(new Array(7).fill(0));
    expect(rowMeans.slice(7, 21)).toEqual(new Array(14).fill(1));
    expect(rowMeans.slice(21)).toEqual(new Array(7).fill(0));
    const cropped = await ingest([wide, png('w/other.png', 2, 2, 1, () => 128)], options({}, { fit: 'crop' }));
    expect(cropped.dataset.x.subarray(784, 2 * 784).every((v) => v === 1)).toBe(true);
  });

  it('stretches each image to its own range when asked', async () => {
    const dim = [png('d/a.png', 4, 4, 1, (x) => 100 + x), png('d/b.png', 4, 4, 1, (x) => 200 - x)];
    const unit = await ingest(dim, options({}, { fit: 'crop' }));
    expect(Math.max(...unit.dataset.x)).toBeLessThan(0.8);
    const stretched = await ingest(dim, options({}, { fit: 'crop', normalize: 'stretch' }));
    expect(Math.max(...stretched.dataset.x.subarray(0, 784))).toBe(1);
    expect(Math.min(...stretched.dataset.x.subarray(0, 784))).toBe(0);
    expect(Math.max(...stretched.preview[1])).toBe(255);
  });

  it('opens a zip of zips, non-ASCII names and 6-deep folders', async () => {
    const deep = (cls: string, i: number): InputFile => ({ path: `${cls}/l2/l3/l4/l5/l6/${i}.png`, bytes: uniquePng(i + (cls === 'b' ? 50 : 0)) });
    const inner = { path: 'inner.zip', bytes: zipOf([deep('a', 1), deep('b', 2)]) };
    const outer = { path: 'données.zip', bytes: zipOf([inner, { path: 'a/ñandú 图.png', bytes: uniquePng(3) }, { path: 'b/café.png', bytes: uniquePng(4) }]) };
    const r = await ingest([outer], options());
    expect(r.paths).toEqual(['données/a/ñandú 图.png', 'données/b/café.png', 'données/inner/a/l2/l3/l4/l5/l6/1.png', 'données/inner/b/l2/l3/l4/l5/l6/2.png']);
    // The zip's own name is the shared root; 'inner' is a class folder like 'a' and 'b'.
    expect(r.dataset.classNames).toEqual(['a', 'b', 'inner']);
    expect(r.dataset.name).toBe('données');
  });

  it('labels 6-deep nesting by the first level under the root', async () => {
    const files = ['cat', 'dog'].flatMap((cls, c) =>
      [0, 1].map((i) => ({ path: `root/${cls}/a/b/c/d/e/${i}.png`, bytes: uniquePng(10 * c + i) })),
    );
    const r = await ingest(files, options());
    expect(r.dataset.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(r.dataset.labels ?? [])).toEqual([0, 0, 1, 1]);
  });

  it('reports progress while decoding', async () => {
    const calls: string[] = [];
    await ingest(tinyImages(120), options({ onProgress: (s, d, t) => calls.push(`${s} ${d}/${t}`) }));
    expect(calls.filter((c) => c.startsWith('Decoding'))).toEqual(['Decoding images 0/120', 'Decoding images 52/120', 'Decoding images 104/120', 'Decoding images 120/120']);
    expect(calls[0]).toBe('Reading files 0/120');
  });

  it('caps the images, with a notice', async () => {
    const r = await ingest(tinyImages(60, 'cap'), options({ maxImages: 50 }));
    expect(r.dataset.n).toBe(50);
    expect(r.notices).toContain('50 of 60 images loaded, spread evenly over the folders; the rest were left out (limit 50) — drop a smaller folder or a sample');
  });

  it('loads the real cap of 20,000 images and leaves the extra ones out', async () => {
    const r = await ingest(tinyImages(20_004), options());
    expect(r.dataset.n).toBe(20_000);
    expect(r.paths).toHaveLength(20_000);
    expect(r.dataset.x.length).toBe(20_000 * 784);
    expect(r.notices[0]).toMatch(/^20,000 of 20,004 images loaded/);
  });

  it('prefers images over dataset files, naming the files not used', async () => {
    const r = await ingest([...tinyImages(3), csvFile('table.csv', 'a\n1\n'), ...idxPair(2)], options());
    expect(r.dataset.n).toBe(3);
    expect(r.notices).toContain('Images were loaded; these dataset files were not used: table.csv, train-images-idx3-ubyte, train-labels-idx1-ubyte');
  });
});

describe('ingest: each bad input is reported and the good images still load', () => {
  const good = shapesFolder({ perClass: 3, seed: 5 });
  const check = async (bad: InputFile, path: string, expected: string | RegExp): Promise<void> => {
    const r = await ingest([...good, bad], options());
    expect(r.dataset.n).toBe(9);
    expect(r.dataset.classNames).toEqual(['bar', 'circle', 'square']);
    expect(Array.from(r.dataset.labels ?? [])).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    const message = problemFor(r.problems, path);
    if (typeof expected === 'string') expect(message).toContain(expected);
    else expect(message).toMatch(expected);
    expect(r.problems).toHaveLength(1);
  };

  it('an empty file', () => check(emptyFile('shapes/bar/empty.png'), 'shapes/bar/empty.png', 'shapes/bar/empty.png is an empty file (0 bytes)'));
  it('a truncated PNG', () => check(truncatedPng('shapes/bar/cut.png'), 'shapes/bar/cut.png', 'shapes/bar/cut.png is a truncated or damaged PNG image'));
  it('a truncated JPEG', () => check(truncatedJpeg('shapes/bar/cut.jpg'), 'shapes/bar/cut.jpg', 'shapes/bar/cut.jpg is a truncated or damaged JPEG image'));
  it('a text file named .png', () => check(textAsPng('shapes/circle/notes.png'), 'shapes/circle/notes.png', 'shapes/circle/notes.png is not an image (it starts with text'));
  it('an SVG', () => check(svgFile('shapes/logo.svg'), 'shapes/logo.svg', 'shapes/logo.svg is a vector image (SVG)'));
  it('a 10,000 × 10,000 PNG', () => check(pngClaimingSize('shapes/huge.png', 10000, 10000), 'shapes/huge.png', 'shapes/huge.png is 10,000 × 10,000 pixels'));
  it('a GIF hiding a 60,000² frame behind a 1 × 1 screen', () =>
    check({ path: 'shapes/huge.gif', bytes: gifWithFrame(1, 1, 60_000, 60_000) }, 'shapes/huge.gif', 'shapes/huge.gif is 60,000 × 60,000 pixels'));
  it('a corrupted zip', () => check(corruptedZip('shapes/extra.zip'), 'shapes/extra.zip', /^shapes\/extra\.zip could not be opened as a zip/));
  it('zips nested too deep', () => check(nestedZips(4, tinyImages(2, 'x')), 'level1/level2/level3/level4.zip', 'nested more than 3 levels deep'));

  it('an image the decoder rejects', async () => {
    const damaged = encodePng(3, 3, 1, new Uint8Array(9).fill(200));
    damaged[45] ^= 0xff; // breaks the IDAT checksum: structurally complete, but not decodable
    await check({ path: 'shapes/square/bad.png', bytes: damaged }, 'shapes/square/bad.png', 'could not decode shapes/square/bad.png (truncated or damaged?)');
  });

  it('a decoder that returns the wrong number of values', async () => {
    const r = await ingest(good, options({ decode: async (item, size, fit) => (item.path.endsWith('001.png') ? new Uint8ClampedArray(3) : fakeDecode(item, size, fit)) }));
    expect(r.dataset.n).toBe(6);
    expect(problemFor(r.problems, 'shapes/bar/001.png')).toBe('could not decode shapes/bar/001.png: the decoder returned 3 values, expected 3136');
  });

  it('a decoder that throws instead of rejecting', async () => {
    const decode: IngestOptions['decode'] = (item, size, fit) => {
      if (item.path.endsWith('002.png')) throw new Error('boom');
      return fakeDecode(item, size, fit);
    };
    const r = await ingest(good, options({ decode }));
    expect(r.dataset.n).toBe(6);
    expect(r.problems.map((p) => p.path)).toEqual(['shapes/bar/002.png', 'shapes/circle/002.png', 'shapes/square/002.png']);
  });

  it('skips duplicates with a notice', async () => {
    const r = await ingest([...good, { path: 'shapes/square/copy.png', bytes: good[0].bytes }], options());
    expect(r.dataset.n).toBe(9);
    expect(r.notices).toContain(`1 duplicate file was skipped (same content as a file that was kept): shapes/square/copy.png = ${good[0].path}`);
  });
});

describe('ingest: dataset files', () => {
  it('loads an IDX pair with a preview of its images', async () => {
    const r = await ingest(idxPair(10, 4), options());
    expect([r.dataset.id, r.dataset.n, r.dataset.dim]).toEqual(['user', 10, 16]);
    expect(r.dataset.labels).toBeDefined();
    expect(r.paths[3]).toBe('train-images-idx3-ubyte#3');
    expect(r.preview).toHaveLength(8);
    expect(Array.from(r.preview[0].subarray(0, 3))).toEqual([0, 7, 14]);
  });

  it('loads a CSV without a preview', async () => {
    const r = await ingest([csvFile('iris.csv', 'a,b,species\n1,2,x\n3,4,y\n5,6,x\n')], options());
    expect([r.dataset.n, r.dataset.dim, r.dataset.numClasses]).toEqual([3, 2, 2]);
    expect(r.preview).toEqual([]);
    expect(r.paths).toEqual(['iris.csv#0', 'iris.csv#1', 'iris.csv#2']);
  });

  it('reports a bad IDX file while the good pair loads', async () => {
    const r = await ingest([...idxPair(4), idxWrongMagic(), idxTruncated()], options());
    expect(r.dataset.n).toBe(4);
    expect(problemFor(r.problems, 'bad-images-idx3-ubyte')).toContain('wrong magic number');
    expect(problemFor(r.problems, 'cut-images-idx3-ubyte')).toContain('truncated body');
  });
});

describe('ingest: nothing usable', () => {
  it('says what was found and what to drop, carrying the problems', async () => {
    const e = await ingestError([emptyFile('a.png'), textAsPng('b.png'), svgFile('c.svg'), { path: '.DS_Store', bytes: strToU8('x') }]);
    expect(e.message).toBe(
      'No images or dataset files in the drop: 3 files were skipped (listed below). Drop PNG/JPEG/WebP/GIF/BMP images, a folder or .zip of them, or MNIST IDX / CIFAR-10 .bin / CSV / .npy files.',
    );
    expect(e.problems.map((p) => p.path)).toEqual(['a.png', 'b.png', 'c.svg']);
    expect(e.name).toBe('IngestError');
  });

  it('says so when only system files were dropped, or nothing at all', async () => {
    expect((await ingestError([{ path: '.DS_Store', bytes: strToU8('x') }])).message).toMatch(/^No images or dataset files in the drop: only system files such as \.DS_Store were found\./);
    expect((await ingestError([])).message).toMatch(/^Nothing was dropped\./);
  });

  it('turns a CSV with NaN into a problem and an error, not a crash', async () => {
    const e = await ingestError([csvFile('data/bad.csv', 'a,b\n1,NaN\n2,3\n')]);
    expect(e.message).toMatch(/^No dataset could be loaded from the dropped files: 1 file was skipped \(listed below\)\./);
    expect(e.problems).toEqual([{ path: 'data/bad.csv', message: "data/bad.csv: CSV row 2, column 'b': missing value — fill it in or drop rows with missing values before loading" }]);
  });

  it('turns a ragged CSV and a truncated IDX into problems and an error', async () => {
    const e = await ingestError([csvFile('r.csv', 'a,b\n1,2\n3\n'), idxTruncated()]);
    expect(e.problems.map((p) => p.path).sort()).toEqual(['cut-images-idx3-ubyte', 'r.csv']);
    expect(problemFor(e.problems, 'r.csv')).toContain('CSV row 3 has 1 cells, expected 2');
  });

  it('needs at least 2 images', async () => {
    const one = await ingestError([{ path: 'solo/only.png', bytes: uniquePng(1) }]);
    expect(one.message).toBe('Need at least 2 images to cluster, but only 1 could be loaded (solo/only.png). Drop a folder or .zip with more images.');
    const none = await ingestError([{ path: 'a.png', bytes: uniquePng(1) }, truncatedPng('b.png')], { decode: () => Promise.reject(new Error('no')) });
    expect(none.message).toBe('Need at least 2 images to cluster, but none could be loaded; 2 files were skipped (listed below). Drop a folder or .zip with more images.');
    expect(none.problems.map((p) => p.path).sort()).toEqual(['a.png', 'b.png']);
  });
});

describe('previewRows', () => {
  it('shows every class first, round robin, even when one folder holds most images', () => {
    const labels = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2]);
    const rows = previewRows({ n: 12, labels, numClasses: 3 });
    expect(rows).toEqual([0, 9, 11, 1, 10, 2, 3, 4]);
    expect(new Set(rows.map((i) => labels[i])).size).toBe(3);
  });

  it('one image of each of many classes (up to 20), and the first rows without labels', () => {
    const labels = Int32Array.from({ length: 300 }, (_, i) => Math.floor(i / 10)); // 30 classes of 10
    const rows = previewRows({ n: 300, labels, numClasses: 30 });
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((i) => labels[i])).size).toBe(20);
    expect(previewRows({ n: 5, labels: undefined, numClasses: 10 })).toEqual([0, 1, 2, 3, 4]);
  });
});

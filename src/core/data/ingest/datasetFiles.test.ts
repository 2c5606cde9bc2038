import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeNpy, leBytes } from '../formats/testFixtures';
import { datasetFromFiles, type DatasetFiles } from './datasetFiles';
import { csvFile, idxPair, idxTruncated, idxWrongMagic } from './testing/fixtures';
import type { InputFile } from './types';

const files = (f: Partial<DatasetFiles>): DatasetFiles => ({ idx: [], cifar: [], npy: [], tables: [], ...f });

/** A CIFAR-10 batch of records with the given labels, pixel bytes all `fill`. */
function cifarBatch(path: string, labels: number[], fill = 10): InputFile {
  const bytes = new Uint8Array(labels.length * 3073).fill(fill);
  labels.forEach((y, r) => (bytes[r * 3073] = y));
  return { path, bytes };
}

const npy = (path: string, shape: number[], values: number[], descr: 'f4' | 'i4' = 'f4'): InputFile => ({
  path,
  bytes: encodeNpy({ descr: `<${descr}`, shape, body: leBytes(values, descr) }),
});

describe('datasetFromFiles: IDX', () => {
  it('pairs images with labels by count and name, and stacks train + t10k', async () => {
    const train = idxPair(5, 4, 'mnist/train', 3);
    const test = idxPair(2, 4, 'mnist/t10k', 3);
    const out = await datasetFromFiles(files({ idx: [train[0], test[1], test[0], train[1]] }));
    expect(out.problems).toEqual([]);
    const d = out.built?.dataset;
    expect([d?.id, d?.name, d?.n, d?.dim]).toEqual(['user', 'mnist', 7, 16]);
    expect(d?.classNames).toEqual(['0', '1', '2']);
    expect(Array.from(d?.labels ?? [])).toEqual([0, 1, 2, 0, 1, 0, 1]);
    expect(d?.image).toEqual({ width: 4, height: 4, channels: 1 });
    expect(out.built?.paths.slice(4, 7)).toEqual(['mnist/train-images-idx3-ubyte#4', 'mnist/t10k-images-idx3-ubyte#0', 'mnist/t10k-images-idx3-ubyte#1']);
    expect(out.notices).toEqual(['Combined train-images-idx3-ubyte + t10k-images-idx3-ubyte: 7 rows']);
  });

  it('loads images without labels', async () => {
    const out = await datasetFromFiles(files({ idx: [idxPair(3)[0]] }));
    expect(out.built?.dataset.n).toBe(3);
    expect(out.built?.dataset.labels).toBeUndefined();
    expect(out.built?.dataset.name).toBe('train-images');
  });

  it('reports a wrong magic number and a truncated file, and still loads the good pair', async () => {
    const out = await datasetFromFiles(files({ idx: [...idxPair(4), idxWrongMagic('bad-images-idx3-ubyte'), idxTruncated('cut-images-idx3-ubyte')] }));
    expect(out.built?.dataset.n).toBe(4);
    expect(out.built?.dataset.labels).toBeDefined();
    const byPath = Object.fromEntries(out.problems.map((p) => [p.path, p.message]));
    expect(byPath['bad-images-idx3-ubyte']).toContain("IDX file 'bad-images-idx3-ubyte': wrong magic number 0x12340803");
    expect(byPath['cut-images-idx3-ubyte']).toContain("IDX file 'cut-images-idx3-ubyte': truncated body");
  });

  it('reports a labels file with no images of its count', async () => {
    const [images] = idxPair(4);
    const [, labels] = idxPair(9, 4, 'other');
    const out = await datasetFromFiles(files({ idx: [images, labels] }));
    expect(out.built?.dataset.labels).toBeUndefined();
    expect(out.problems).toEqual([
      {
        path: 'other-labels-idx1-ubyte',
        message: 'other-labels-idx1-ubyte is an IDX labels file with 9 labels, but no images file with 9 images came with it — drop it together with its images file',
      },
    ]);
  });
});

describe('datasetFromFiles: CIFAR-10', () => {
  it('concatenates batches and isolates a bad one', async () => {
    const out = await datasetFromFiles(
      files({ cifar: [cifarBatch('data_batch_1.bin', [3, 5]), cifarBatch('bad.bin', [12]), cifarBatch('test_batch.bin', [9], 255)] }),
    );
    const d = out.built?.dataset;
    expect([d?.n, d?.dim]).toEqual([3, 3072]);
    expect(Array.from(d?.labels ?? []).map((l) => d?.classNames?.[l])).toEqual(['cat', 'dog', 'truck']);
    expect(d?.x[2 * 3072]).toBe(1);
    expect(out.built?.paths).toEqual(['data_batch_1.bin#0', 'data_batch_1.bin#1', 'test_batch.bin#0']);
    expect(out.problems).toEqual([
      { path: 'bad.bin', message: "CIFAR-10 batch 'bad.bin', record 0: label byte 12, expected 0..9 — is this really a CIFAR-10 binary batch?" },
    ]);
  });
});

describe('datasetFromFiles: .npy', () => {
  it('pairs features with the 1-D labels array of the same length', async () => {
    const out = await datasetFromFiles(files({ npy: [npy('y.npy', [3], [1, 0, 1], 'i4'), npy('x.npy', [3, 2], [1, 2, 3, 4, 5, 6])] }));
    const d = out.built?.dataset;
    expect([d?.n, d?.dim]).toEqual([3, 2]);
    expect(Array.from(d?.labels ?? [])).toEqual([1, 0, 1]);
    expect(out.built?.paths).toEqual(['x.npy#0', 'x.npy#1', 'x.npy#2']);
    expect(out.notices).toEqual([]);
  });

  it('loads one features array and names the ones left out', async () => {
    const out = await datasetFromFiles(files({ npy: [npy('a.npy', [1, 2], [1, 2]), npy('b.npy', [1, 3], [1, 2, 3])] }));
    expect(out.built?.dataset.dim).toBe(2);
    expect(out.notices).toEqual(['One .npy array is loaded at a time; not used: b.npy']);
  });

  it('explains a labels-only drop and a file that is not .npy', async () => {
    const out = await datasetFromFiles(files({ npy: [npy('y.npy', [3], [1, 0, 1], 'i4'), { path: 'fake.npy', bytes: strToU8('nope') }] }));
    expect(out.built).toBeNull();
    const byPath = Object.fromEntries(out.problems.map((p) => [p.path, p.message]));
    expect(byPath['fake.npy']).toContain("'fake.npy' is not a .npy file");
  });

  it('reports a lone labels array', async () => {
    const out = await datasetFromFiles(files({ npy: [npy('labels.npy', [3], [1, 0, 1], 'i4')] }));
    expect(out.built).toBeNull();
    expect(out.problems).toEqual([
      { path: 'labels.npy', message: 'labels.npy holds a 1-D array, which looks like labels — drop it together with the features (or images) .npy file' },
    ]);
  });
});

describe('datasetFromFiles: CSV/TSV', () => {
  it('turns missing values and ragged rows into problems naming the file, and loads the good table', async () => {
    const out = await datasetFromFiles(
      files({
        tables: [
          csvFile('good.csv', 'a,b,label\n1,2,x\n3,4,y\n'),
          csvFile('nan.csv', 'a,b,label\n1,2,x\n3,NaN,y\n'),
          csvFile('ragged.csv', 'a,b,c\n1,2,3\n4,5\n'),
        ],
      }),
    );
    expect(out.built?.dataset.n).toBe(2);
    expect(out.built?.dataset.classNames).toEqual(['x', 'y']);
    expect(out.built?.paths).toEqual(['good.csv#0', 'good.csv#1']);
    expect(out.problems).toEqual([
      { path: 'nan.csv', message: "nan.csv: CSV row 3, column 'b': missing value — fill it in or drop rows with missing values before loading" },
      { path: 'ragged.csv', message: 'ragged.csv: CSV row 3 has 2 cells, expected 3 — every row needs the same number of columns' },
    ]);
  });

  it('stacks tables with the same columns and reports one of another width', async () => {
    const out = await datasetFromFiles(
      files({ tables: [csvFile('d/train.csv', 'a,b\n1,2\n'), csvFile('d/test.csv', 'a,b\n3,4\n'), csvFile('d/wide.csv', 'a,b,c\n1,2,3\n')] }),
    );
    expect(out.built?.dataset.n).toBe(2);
    expect(out.built?.dataset.numClasses).toBe(2);
    expect(out.built?.dataset.name).toBe('d');
    expect(out.problems).toEqual([{ path: 'd/wide.csv', message: 'd/wide.csv has 3 values per row but d/train.csv has 2, so it was not combined with it' }]);
  });

  it('returns no dataset when every table is bad', async () => {
    const out = await datasetFromFiles(files({ tables: [csvFile('ragged.csv', 'a,b\n1\n')] }));
    expect(out.built).toBeNull();
    expect(out.problems[0].path).toBe('ragged.csv');
  });
});

describe('datasetFromFiles: choosing a format', () => {
  it('prefers IDX and names the files it did not use', async () => {
    const out = await datasetFromFiles(files({ idx: idxPair(2), tables: [csvFile('x.csv', 'a\n1\n')] }));
    expect(out.built?.dataset.dim).toBe(16);
    expect(out.notices).toEqual(['The IDX files were loaded; these other files were not used: x.csv']);
  });

  it('falls back to the next format when the preferred one fails entirely', async () => {
    const out = await datasetFromFiles(files({ idx: [idxWrongMagic()], tables: [csvFile('x.csv', 'a\n1\n2\n')] }), { name: 'Mine' });
    expect(out.built?.dataset.n).toBe(2);
    expect(out.built?.dataset.name).toBe('Mine');
    expect(out.problems.map((p) => p.path)).toEqual(['bad-images-idx3-ubyte']);
  });
});

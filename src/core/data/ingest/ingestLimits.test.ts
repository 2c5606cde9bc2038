import { describe, expect, it } from 'vitest';
import { encodeNpy, leBytes } from '../formats/testFixtures';
import { ingest, IngestError, type IngestOptions } from './ingest';
import { rowLimit } from './rowCap';
import { fakeDecode } from './testing/fakeDecode';
import { csvFile, idxPair } from './testing/fixtures';
import { DEFAULT_PREPROCESS, type InputFile } from './types';

const options = (o: Partial<IngestOptions> = {}): IngestOptions => ({ preprocess: DEFAULT_PREPROCESS, decode: fakeDecode, ...o });

async function refusal(files: InputFile[]): Promise<string> {
  const error = await ingest(files, options()).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return (error as IngestError).message;
}

const oneRowNpy: InputFile = { path: 'x.npy', bytes: encodeNpy({ descr: '<f4', shape: [1, 3], body: leBytes([1, 2, 3], 'f4') }) };
const oneCifarRecord: InputFile = { path: 'data_batch_1.bin', bytes: new Uint8Array(3073).fill(1) };

describe('ingest: data that cannot be clustered is refused, so the previous dataset stays', () => {
  it('a one-row IDX, CSV, .npy or CIFAR-10 file', async () => {
    expect(await refusal(idxPair(1))).toBe('Need at least 2 images to cluster, but only 1 could be loaded (train-images-idx3-ubyte). Drop a file with more images.');
    expect(await refusal([csvFile('one.csv', 'a,b\n1,2\n')])).toBe('Need at least 2 rows to cluster, but only 1 could be loaded (one.csv). Drop a file with more rows.');
    expect(await refusal([oneRowNpy])).toBe('Need at least 2 rows to cluster, but only 1 could be loaded (x.npy). Drop a file with more rows.');
    expect(await refusal([oneCifarRecord])).toMatch(/^Need at least 2 images to cluster, but only 1 could be loaded \(data_batch_1\.bin\)/);
  });

  it('labels that are all one class', async () => {
    expect(await refusal([csvFile('cats.csv', 'a,b,label\n1,2,cat\n3,4,cat\n5,6,cat\n')])).toBe(
      "All 3 rows have the same label ('cat'): clustering needs at least 2 classes to compare with. " +
        'Drop data with at least 2 classes, or load it without labels (remove the label column or the labels file).',
    );
    const images = idxPair(4, 4, 'train', 1);
    expect(await refusal(images)).toMatch(/^All 4 images have the same label \('0'\)/);
  });

  it('one row is fine next to others, and so is one class without labels', async () => {
    const r = await ingest([csvFile('a.csv', 'x,y\n1,2\n'), csvFile('b.csv', 'x,y\n3,4\n')], options());
    expect(r.dataset.n).toBe(2);
    expect((await ingest([csvFile('c.csv', 'x,y\n1,2\n3,4\n')], options())).dataset.labels).toBeUndefined();
  });
});

describe('ingest: the row cap applies to every format, with the same message as for images', () => {
  it('an IDX file of 30,000 images loads 20,000, spread evenly', async () => {
    const r = await ingest(idxPair(30_000, 2), options());
    expect(r.dataset.n).toBe(20_000);
    expect(r.dataset.labels).toHaveLength(20_000);
    expect(r.paths.slice(0, 4)).toEqual(['train-images-idx3-ubyte#0', 'train-images-idx3-ubyte#1', 'train-images-idx3-ubyte#3', 'train-images-idx3-ubyte#4']);
    expect(r.paths[19_999]).toBe('train-images-idx3-ubyte#29998');
    // Row 3 of the file is row 2 of the dataset: pixels and labels moved together.
    expect(Array.from(r.dataset.x.subarray(8, 12))).toEqual(Array.from({ length: 4 }, (_, i) => ((12 + i) * 7) % 256 / 255).map(Math.fround));
    expect(r.dataset.labels?.[2]).toBe(0);
    expect(r.notices).toContain(
      '20,000 of 30,000 images loaded, spread evenly over the files; the rest were left out (limit 20,000) — drop a smaller file or a sample',
    );
  });

  it('a CSV, with a smaller cap', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 2 ? 'odd' : 'even'}`).join('\n');
    const r = await ingest([csvFile('t.csv', `v,label\n${rows}\n`)], options({ maxRows: 4 }));
    expect(Array.from(r.dataset.x)).toEqual([0, 3, 6, 9]);
    expect(r.dataset.classNames).toEqual(['even', 'odd']);
    expect(r.notices).toContain('4 of 12 rows loaded, spread evenly over the files; the rest were left out (limit 4) — drop a smaller file or a sample');
  });

  it('wide rows lower the cap to keep the array under 512 MB', () => {
    expect(rowLimit(784)).toBe(20_000);
    expect(rowLimit(64 * 64 * 3 * 4)).toBe(2730);
  });
});

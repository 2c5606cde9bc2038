import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeIdx } from '../idx';
import { datasetFromIdx } from './idxFiles';
import { gzip } from './testFixtures';

const idx = (dims: number[], data: ArrayLike<number>): Uint8Array => new Uint8Array(encodeIdx(dims, Uint8Array.from(data)));

// 3 images of 2 × 2 pixels, with distinct values so the layout is checked, plus their labels.
const PIXELS = [0, 51, 102, 255, 10, 20, 30, 40, 255, 0, 255, 0];
const images = { name: 'train-images-idx3-ubyte', bytes: idx([3, 2, 2], PIXELS) };
const labels = { name: 'train-labels-idx1-ubyte', bytes: idx([3], [7, 0, 7]) };

const FASHION = '/usr/share/datasets/fashion-mnist';

describe('datasetFromIdx', () => {
  it('reads images + labels given in any order, scaling pixels by 1/255', async () => {
    const d = await datasetFromIdx([labels, images]);
    expect(d.id).toBe('file:train-images-idx3-ubyte');
    expect(d.name).toBe('train-images');
    expect([d.n, d.dim]).toEqual([3, 4]);
    expect(d.image).toEqual({ width: 2, height: 2, channels: 1 });
    expect(d.x[1]).toBeCloseTo(0.2, 6);
    expect(d.x[3]).toBe(1);
    expect(Array.from(d.x)).toEqual(PIXELS.map((v) => Math.fround(v / 255)));
    // Label bytes 7, 0, 7 → ids in ascending order of value: 0 → 0, 7 → 1.
    expect(Array.from(d.labels ?? [])).toEqual([1, 0, 1]);
    expect(d.classNames).toEqual(['0', '7']);
    expect(d.numClasses).toBe(2);
  });

  it('accepts gzip-compressed files and caller-supplied id and name', async () => {
    const d = await datasetFromIdx(
      [
        { name: 'a.gz', bytes: await gzip(images.bytes) },
        { name: 'b.gz', bytes: await gzip(labels.bytes) },
      ],
      { id: 'user:mine', name: 'Mine' },
    );
    expect([d.id, d.name, d.n]).toEqual(['user:mine', 'Mine', 3]);
    expect(d.x[2]).toBe(Math.fround(102 / 255));
    expect(Array.from(d.labels ?? [])).toEqual([1, 0, 1]);
  });

  it('loads images without labels, suggesting k = 10', async () => {
    const d = await datasetFromIdx([images]);
    expect(d.labels).toBeUndefined();
    expect(d.classNames).toBeUndefined();
    expect(d.numClasses).toBe(10);
    expect(d.n).toBe(3);
  });

  it('reads 4-dim RGB images channels last and rejects other channel counts', async () => {
    const rgb = idx([2, 1, 2, 3], [255, 0, 0, 0, 255, 0, 0, 0, 255, 51, 51, 51]);
    const d = await datasetFromIdx([{ name: 'rgb', bytes: rgb }]);
    expect(d.image).toEqual({ width: 2, height: 1, channels: 3 });
    expect(d.dim).toBe(6);
    expect(Array.from(d.x.subarray(0, 6))).toEqual([1, 0, 0, 0, 1, 0]);
    expect(d.x[9]).toBe(Math.fround(0.2));
    await expect(datasetFromIdx([{ name: 'rg', bytes: idx([1, 1, 1, 2], [1, 2]) }])).rejects.toThrow(
      /'rg' has 2 channels.*expected 1 \(grey\) or 3 \(RGB\)/,
    );
  });

  it('rejects a label count that does not match the image count, naming both files', async () => {
    const four = { name: 't10k-labels', bytes: idx([4], [0, 1, 2, 3]) };
    await expect(datasetFromIdx([images, four])).rejects.toThrow(
      /'t10k-labels' has 4 labels but images file 'train-images-idx3-ubyte' has 3 images/,
    );
  });

  it('rejects a text file given as IDX, naming it', async () => {
    const txt = { name: 'notes.txt', bytes: new TextEncoder().encode('hello, these are not pixels\n') };
    await expect(datasetFromIdx([txt])).rejects.toThrow(
      /IDX file 'notes.txt': wrong magic number 0x68656c6c.*does not look like an IDX file/,
    );
  });

  it('rejects a 0-byte file', async () => {
    await expect(datasetFromIdx([images, { name: 'empty-labels', bytes: new Uint8Array(0) }])).rejects.toThrow(
      /IDX file 'empty-labels' is empty \(0 bytes\)/,
    );
  });

  it('rejects a truncated body and a wrong element type, naming the file', async () => {
    await expect(datasetFromIdx([{ name: 'cut', bytes: images.bytes.slice(0, 20) }])).rejects.toThrow(
      /IDX file 'cut': truncated body, expected 12 bytes for dims \[3, 2, 2\], found 4/,
    );
    const floats = images.bytes.slice();
    floats[2] = 0x0d;
    await expect(datasetFromIdx([{ name: 'floats', bytes: floats }])).rejects.toThrow(
      /IDX file 'floats': unsupported element type float32/,
    );
  });

  it('rejects a corrupt gzip file, naming it', async () => {
    const z = await gzip(images.bytes);
    await expect(datasetFromIdx([{ name: 'x.gz', bytes: z.subarray(0, z.length - 9) }])).rejects.toThrow(
      /'x.gz' looks gzip-compressed but could not be decompressed/,
    );
  });

  it('rejects missing, duplicate and oddly-shaped files', async () => {
    await expect(datasetFromIdx([])).rejects.toThrow(/No IDX files given/);
    await expect(datasetFromIdx([labels])).rejects.toThrow(/exactly one IDX images file \(3 or 4 dims\), found none/);
    await expect(datasetFromIdx([images, { ...images, name: 'again' }])).rejects.toThrow(
      /exactly one IDX images file.*found 'train-images-idx3-ubyte', 'again'/,
    );
    await expect(datasetFromIdx([images, labels, { ...labels, name: 'more' }])).rejects.toThrow(
      /at most one IDX labels file.*'more'/,
    );
    await expect(datasetFromIdx([{ name: 'table', bytes: idx([2, 3], [1, 2, 3, 4, 5, 6]) }])).rejects.toThrow(
      /'table' has 2 dims \[2, 3\] — expected 3 \(n×h×w\) or 4/,
    );
    await expect(datasetFromIdx([{ name: 'none', bytes: idx([0, 2, 2], []) }])).rejects.toThrow(/'none' holds no pixels/);
  });

  it("reads the real Fashion-MNIST test set (.gz) from Debian's dataset-fashion-mnist", async () => {
    expect(existsSync(FASHION), `${FASHION} is missing: apt-get install dataset-fashion-mnist (.ci/run does)`).toBe(true);
    const read = (f: string) => ({ name: f, bytes: new Uint8Array(readFileSync(`${FASHION}/${f}`)) });
    const d = await datasetFromIdx([read('t10k-labels-idx1-ubyte.gz'), read('t10k-images-idx3-ubyte.gz')]);
    expect([d.n, d.dim, d.numClasses]).toEqual([10000, 784, 10]);
    expect(d.image).toEqual({ width: 28, height: 28, channels: 1 });
    expect(d.name).toBe('t10k-images');
    expect(Array.from(d.labels?.subarray(0, 5) ?? [])).toEqual([9, 2, 1, 1, 6]);
    expect(d.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const perClass = new Array(10).fill(0);
    for (const y of d.labels ?? []) perClass[y]++;
    expect(perClass).toEqual(new Array(10).fill(1000));
    expect(d.x[14 * 28 + 14]).toBe(Math.fround(110 / 255));
    let sum = 0;
    for (let i = 0; i < 784; i++) sum += d.x[i];
    expect(sum * 255).toBeCloseTo(33456, 1);
  });
});

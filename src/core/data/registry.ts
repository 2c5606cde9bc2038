/**
 * Every dataset the app offers, by id. The list is explicit (no registration by import side
 * effect); loading goes through DataIO so the same code runs in a worker (fetch) and in Node (fs).
 */
import type { Dataset } from './dataset';
import { mnistFromIdx } from './mnist';
import { blobs, circles, moons, SYNTHETIC_N } from './synthetic';
import { createRng } from '../rng';

/** Reads a static asset; relPath is relative to the site root, e.g. 'data/mnist-10k-images.idx3-ubyte'. */
export interface DataIO {
  readBytes(relPath: string): Promise<ArrayBuffer>;
}

export interface DatasetEntry {
  id: string;
  name: string;
  description: string;
  kind: 'image' | 'synthetic';
  n: number;
  numClasses: number;
}

export const DATASETS: readonly DatasetEntry[] = [
  {
    id: 'mnist-10k',
    name: 'MNIST (10k)',
    description: 'The first 10,000 MNIST training digits, 28×28 grey: quick to train, the default.',
    kind: 'image',
    n: 10_000,
    numClasses: 10,
  },
  {
    id: 'mnist',
    name: 'MNIST (70k)',
    description: 'All 70,000 MNIST digits (60k train then 10k test), as deep clustering papers use it.',
    kind: 'image',
    n: 70_000,
    numClasses: 10,
  },
  {
    id: 'blobs',
    name: 'Blobs',
    description: 'Five Gaussian blobs in 2-D: convex clusters that k-means already separates.',
    kind: 'synthetic',
    n: SYNTHETIC_N,
    numClasses: 5,
  },
  {
    id: 'moons',
    name: 'Two moons',
    description: 'Two interleaving half circles: not convex, so a centroid prior cuts them wrongly.',
    kind: 'synthetic',
    n: SYNTHETIC_N,
    numClasses: 2,
  },
  {
    id: 'circles',
    name: 'Circles',
    description: 'A ring inside a ring with the same centre: k-means fails, neighbourhoods succeed.',
    kind: 'synthetic',
    n: SYNTHETIC_N,
    numClasses: 2,
  },
];

/** Where each MNIST-style set's IDX files live under the site root. */
const IDX_FILES: Record<string, { images: string; labels: string }> = {
  'mnist-10k': { images: 'data/mnist-10k-images.idx3-ubyte', labels: 'data/mnist-10k-labels.idx1-ubyte' },
  mnist: { images: 'data/mnist-images.idx3-ubyte', labels: 'data/mnist-labels.idx1-ubyte' },
};

const GENERATORS: Record<string, (seed: number) => Dataset> = {
  blobs: (seed) => blobs(createRng(seed)),
  moons: (seed) => moons(createRng(seed)),
  circles: (seed) => circles(createRng(seed)),
};

export function findDataset(id: string): DatasetEntry | undefined {
  return DATASETS.find((d) => d.id === id);
}

/**
 * Loads a dataset by id. The seed only affects synthetic sets; MNIST rows keep their file order.
 * The IDX bytes are converted once and then released (only the Float32Array survives).
 */
export async function loadDataset(id: string, io: DataIO, seed: number): Promise<Dataset> {
  const entry = findDataset(id);
  if (!entry) {
    throw new Error(`Unknown dataset '${id}'; known ids: ${DATASETS.map((d) => d.id).join(', ')}`);
  }
  const files = IDX_FILES[id];
  if (files) {
    const [images, labels] = await Promise.all([io.readBytes(files.images), io.readBytes(files.labels)]);
    const ds = mnistFromIdx(entry.id, entry.name, images, labels);
    if (ds.n !== entry.n) throw new Error(`${id}: expected ${entry.n} images, found ${ds.n}`);
    return ds;
  }
  return GENERATORS[id](seed);
}

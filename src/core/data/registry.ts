/**
 * Every dataset the app offers, by id. The list is explicit (no registration by import side
 * effect); loading goes through DataIO so the same code runs in a worker (fetch) and in Node (fs).
 */
import type { Dataset } from './dataset';
import { mnistFromIdx } from './mnist';
import { blobs, circles, moons, SYNTHETIC_N } from './synthetic';
import { createRng } from '../rng';
import { maybeGunzip } from './formats/gzip';
import { concatDatasets } from './ingest/transforms';

/** Reads a static asset; relPath is relative to the site root, e.g. 'data/mnist-10k-images.idx3-ubyte'. */
export interface DataIO {
  readBytes(relPath: string): Promise<ArrayBuffer>;
  /** Fetches a public URL (absent where there is no network, e.g. in unit tests). */
  readUrl?(url: string): Promise<ArrayBuffer>;
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
    id: 'fashion-mnist-10k',
    name: 'Fashion-MNIST (10k)',
    description: 'The first 10,000 Fashion-MNIST training images: ten kinds of clothing, 28×28 grey, harder than digits.',
    kind: 'image',
    n: 10_000,
    numClasses: 10,
  },
  {
    id: '2mnist',
    name: '2MNIST (20k)',
    description: 'MNIST-10k and Fashion-MNIST-10k together: 20 classes of two different kinds (as in DCSS).',
    kind: 'image',
    n: 20_000,
    numClasses: 20,
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

const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const FASHION_FILES = { images: 'data/fashion-mnist-10k-images.idx3-ubyte', labels: 'data/fashion-mnist-10k-labels.idx1-ubyte' };
/** The dataset authors' own copy, served with CORS headers; used when the server has no local files. */
const FASHION_ONLINE = 'https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/';
const FASHION_N = 10_000;

/** Fashion-MNIST from the server's files (Debian's dataset-fashion-mnist), else from the network. */
async function loadFashion(io: DataIO): Promise<Dataset> {
  let images: ArrayBuffer;
  let labels: ArrayBuffer;
  try {
    [images, labels] = await Promise.all([io.readBytes(FASHION_FILES.images), io.readBytes(FASHION_FILES.labels)]);
  } catch (local) {
    if (!io.readUrl) throw local;
    try {
      const [gzImages, gzLabels] = await Promise.all([
        io.readUrl(`${FASHION_ONLINE}train-images-idx3-ubyte.gz`),
        io.readUrl(`${FASHION_ONLINE}train-labels-idx1-ubyte.gz`),
      ]);
      // The full training set is 60,000 rows: keep the first 10,000 like the local files.
      [images, labels] = await Promise.all([maybeGunzip(new Uint8Array(gzImages)), maybeGunzip(new Uint8Array(gzLabels))]).then(([i, l]) => [
        idxPrefix(i, FASHION_N),
        idxPrefix(l, FASHION_N),
      ]);
    } catch {
      throw new Error(
        'Fashion-MNIST is not on this server and could not be downloaded (offline?). Install the Debian package dataset-fashion-mnist and run npm install again, or connect to the internet.',
      );
    }
  }
  return mnistFromIdx('fashion-mnist-10k', 'Fashion-MNIST (10k)', images, labels, FASHION_CLASSES);
}

/** The first n items of an unsigned-byte IDX file, as a smaller IDX file. */
function idxPrefix(bytes: Uint8Array, n: number): ArrayBuffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = view.getUint8(3);
  let item = 1;
  for (let d = 1; d < dims; d++) item *= view.getUint32(4 + 4 * d);
  const header = 4 + 4 * dims;
  const out = bytes.slice(0, header + n * item);
  new DataView(out.buffer).setUint32(4, n);
  return out.buffer;
}

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
  if (id === 'fashion-mnist-10k') return loadFashion(io);
  if (id === '2mnist') {
    const [digits, fashion] = await Promise.all([loadDataset('mnist-10k', io, seed), loadFashion(io)]);
    const both = concatDatasets(digits, fashion, '2mnist', entry.name);
    both.classNames = [...digits.classNames!.map((c) => `digit ${c}`), ...fashion.classNames!];
    return both;
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

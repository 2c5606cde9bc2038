import type { Dataset } from './dataset';
import { parseIdx } from './idx';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Turns a pair of MNIST-style IDX files (images n×28×28, labels n) into a Dataset with pixels
 * scaled to [0, 1]. The byte buffers are only read, so callers can drop them right after.
 */
export function mnistFromIdx(id: string, name: string, images: ArrayBuffer, labels: ArrayBuffer, classNames: readonly string[] = DIGITS): Dataset {
  const img = parseIdx(images);
  const lab = parseIdx(labels);
  if (img.dims.length !== 3) {
    throw new Error(`${id}: images must have 3 dims (n, rows, cols), found [${img.dims.join(', ')}]`);
  }
  const [n, rows, cols] = img.dims;
  if (lab.dims.length !== 1 || lab.dims[0] !== n) {
    throw new Error(`${id}: expected ${n} labels to match the images, found dims [${lab.dims.join(', ')}]`);
  }
  const dim = rows * cols;
  const x = new Float32Array(n * dim);
  const src = img.data;
  for (let i = 0; i < x.length; i++) x[i] = src[i] / 255;

  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = lab.data[i];
    if (v > 9) throw new Error(`${id}: label ${v} at row ${i}, expected a digit 0..9`);
    y[i] = v;
  }
  return {
    id,
    name,
    n,
    dim,
    x,
    labels: y,
    classNames: classNames.slice(),
    numClasses: classNames.length,
    image: { width: cols, height: rows, channels: 1 },
  };
}

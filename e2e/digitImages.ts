/**
 * Real handwritten digits as PNG files for the drop tests: the first `perClass` MNIST images of
 * each chosen digit, read from the bundled IDX files (public/data, built by npm install).
 */
import { readFileSync } from 'node:fs';
import { encodePng } from '../src/core/data/ingest/encodePng';
import type { InputFile } from '../src/core/data/ingest/types';

const IMAGES = new URL('../public/data/mnist-10k-images.idx3-ubyte', import.meta.url);
const LABELS = new URL('../public/data/mnist-10k-labels.idx1-ubyte', import.meta.url);
const SIDE = 28;

/** `name(digit, i)` gives each file's path, e.g. (d, i) => `digits/${d}/${i}.png`. */
export function digitPngs(digits: number[], perClass: number, name: (digit: number, i: number) => string): InputFile[] {
  const images = readFileSync(IMAGES).subarray(16);
  const labels = readFileSync(LABELS).subarray(8);
  const files: InputFile[] = [];
  for (const d of digits) {
    let found = 0;
    for (let row = 0; row < labels.length && found < perClass; row++) {
      if (labels[row] !== d) continue;
      const pixels = images.subarray(row * SIDE * SIDE, (row + 1) * SIDE * SIDE);
      files.push({ path: name(d, found), bytes: encodePng(SIDE, SIDE, 1, pixels) });
      found++;
    }
  }
  return files;
}

/**
 * The fixed snapshot sample, drawn once from the seed: its rows stay the same for the whole run so
 * the scatter plot shows the same points moving, and the 'ready' event carries what the UI needs
 * to label and draw them.
 */
import type { Dataset } from '../data/dataset';
import { sampleIndices, type Rng } from '../rng';
import type { DatasetInfo, ReadyEvent as Ready } from './types';

export function drawSample(n: number, size: number, rng: Rng): Int32Array {
  return sampleIndices(n, Math.max(1, Math.min(size, n)), rng);
}

/** What the page is told about a dataset: everything but its numbers. */
export function datasetInfo(d: Dataset): DatasetInfo {
  return { id: d.id, name: d.name, n: d.n, dim: d.dim, numClasses: d.numClasses, classNames: d.classNames, image: d.image };
}

export function readyEvent(runId: string, d: Dataset, k: number, indices: Int32Array): Ready {
  const m = indices.length;
  let labels: Int32Array | null = null;
  if (d.labels) {
    labels = new Int32Array(m);
    for (let i = 0; i < m; i++) labels[i] = d.labels[indices[i]];
  }
  let pixels: Uint8Array | null = null;
  if (d.image) {
    pixels = new Uint8Array(m * d.dim);
    for (let i = 0; i < m; i++) {
      const row = indices[i] * d.dim;
      for (let j = 0; j < d.dim; j++) pixels[i * d.dim + j] = Math.round(d.x[row + j] * 255);
    }
  }
  return {
    type: 'ready',
    runId,
    dataset: datasetInfo(d),
    k,
    sample: { indices: Int32Array.from(indices), labels, pixels },
    allLabels: d.labels ? Int32Array.from(d.labels) : null,
  };
}

export function readyTransfer(e: Ready): ArrayBuffer[] {
  const out: ArrayBuffer[] = [e.sample.indices.buffer as ArrayBuffer];
  if (e.sample.labels) out.push(e.sample.labels.buffer as ArrayBuffer);
  if (e.sample.pixels) out.push(e.sample.pixels.buffer as ArrayBuffer);
  if (e.allLabels) out.push(e.allLabels.buffer as ArrayBuffer);
  return out;
}

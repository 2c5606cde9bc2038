import { describe, expect, it } from 'vitest';
import { alignTo } from './procrustes';
import { blobs, knnLabelAgreement } from './testData';
import { TsneProjector, type TsneOptions } from './tsne';
import { meanDisplacement, runProjector } from './types';

const N = 300;
const DIM = 10;
const { points, labels } = blobs(N, DIM, 5, 1);
const tsne = (opts: Partial<TsneOptions> = {}, previous?: Float32Array) =>
  runProjector(new TsneProjector({ seed: 1, iterations: 500, ...opts }), points, N, DIM, previous);

describe('Barnes–Hut t-SNE projector', () => {
  const cold = tsne();

  it('keeps well-separated blobs apart: 10-NN label agreement in 2-D ≥ 0.98', () => {
    expect(knnLabelAgreement(cold, labels, 10)).toBeGreaterThanOrEqual(0.98);
  });

  it('gives a bit-identical layout for the same seed', () => {
    const again = tsne();
    expect(Buffer.from(again.buffer).equals(Buffer.from(cold.buffer))).toBe(true);
  });

  it('lowers KL(P‖Q) from its initial layout', () => {
    const p = new TsneProjector({ seed: 1, iterations: 300 });
    p.init(points, N, DIM);
    const before = p.klDivergence();
    while (!p.step()) {
      // run to the end
    }
    expect(p.klDivergence()).toBeLessThan(before * 0.5);
  });

  it('a warm start from its own layout moves little and keeps the clusters', () => {
    const warm = tsne({}, cold);
    expect(knnLabelAgreement(warm, labels, 10)).toBeGreaterThanOrEqual(0.98);
    let extent = 0;
    for (const v of cold) extent = Math.max(extent, Math.abs(v));
    expect(meanDisplacement(alignTo(warm, cold), cold)).toBeLessThan(0.1 * extent);
  });

  it('handles tiny inputs without NaN', () => {
    for (const n of [0, 1, 2, 5]) {
      const out = runProjector(new TsneProjector({ seed: 1 }), points.subarray(0, n * DIM), n, DIM);
      expect(out.length).toBe(2 * n);
      expect(out.every(Number.isFinite)).toBe(true);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { silhouette } from '../metrics';
import { internalMetrics, SILHOUETTE_POINTS } from './internalMetrics';

/** m points in `dim` dimensions: cluster c sits at 10·c on every axis, plus a small jitter. */
function blobs(m: number, dim: number, k: number): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(m * dim);
  const y = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    y[i] = i % k;
    for (let d = 0; d < dim; d++) x[i * dim + d] = 10 * y[i] + Math.sin(7 * i + 3 * d);
  }
  return { x, y };
}

describe('snapshot internal metrics', () => {
  it('scores separated clusters as good and balanced', () => {
    const { x, y } = blobs(300, 4, 3);
    const r = internalMetrics(x, 300, 4, y, y, 3);
    expect(r.silhouette!).toBeGreaterThan(0.8);
    expect(r.daviesBouldin!).toBeLessThan(0.3);
    expect(r.calinskiHarabasz!).toBeGreaterThan(100);
    expect(r.sizeEntropy).toBeCloseTo(1, 12);
    expect(r.largestFraction).toBeCloseTo(1 / 3, 12);
  });

  it('a collapse: no pairwise scores, zero entropy, everything in one cluster', () => {
    const { x } = blobs(200, 2, 2);
    const one = new Int32Array(200);
    const r = internalMetrics(x, 200, 2, one, one, 10);
    expect([r.silhouette, r.daviesBouldin, r.calinskiHarabasz]).toEqual([null, null, null]);
    expect(r.sizeEntropy).toBe(0);
    expect(r.largestFraction).toBe(1);
  });

  it('normalises the size entropy by the clusters asked for, not the clusters used', () => {
    const { x, y } = blobs(100, 2, 2);
    expect(internalMetrics(x, 100, 2, y, y, 4).sizeEntropy).toBeCloseTo(0.5, 12); // ln 2 / ln 4
  });

  it('computes the silhouette on the first SILHOUETTE_POINTS sample points only', () => {
    const m = SILHOUETTE_POINTS + 500;
    const { x, y } = blobs(m, 2, 3);
    // Scramble the clusters of the rows past the limit: the silhouette must not notice.
    const labels = y.slice();
    for (let i = SILHOUETTE_POINTS; i < m; i++) labels[i] = (labels[i] + 1) % 3;
    const r = internalMetrics(x, m, 2, labels, labels, 3);
    expect(r.silhouette).toBeCloseTo(silhouette(x.subarray(0, 2 * SILHOUETTE_POINTS), SILHOUETTE_POINTS, 2, y.subarray(0, SILHOUETTE_POINTS)), 12);
    expect(r.daviesBouldin!).toBeGreaterThan(internalMetrics(x, m, 2, y, y, 3).daviesBouldin!); // DB sees all rows
  });
});

/** Shared fixtures for the projection tests: labelled Gaussian blobs and a 2-D kNN vote. */
import { createRng } from '../rng';

/** n points in `dim` dims, blob c centred at `separation`·e_c (c = i mod k), unit noise × noise. */
export function blobs(
  n: number,
  dim: number,
  k: number,
  seed: number,
  separation = 10,
  noise = 1,
): { points: Float32Array; labels: Int32Array } {
  const rng = createRng(seed);
  const points = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % k;
    for (let d = 0; d < dim; d++) {
      points[i * dim + d] = (d === labels[i] % dim ? separation : 0) + rng.normal() * noise;
    }
  }
  return { points, labels };
}

/** Fraction of points whose label is the majority among their `k` nearest 2-D neighbours. */
export function knnLabelAgreement(coords: Float32Array, labels: Int32Array, k: number): number {
  const n = labels.length;
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const order = Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== i)
      .map((j) => [Math.hypot(coords[2 * i] - coords[2 * j], coords[2 * i + 1] - coords[2 * j + 1]), j])
      .sort((a, b) => a[0] - b[0])
      .slice(0, k);
    const votes = new Map<number, number>();
    for (const [, j] of order) votes.set(labels[j], (votes.get(labels[j]) ?? 0) + 1);
    let best = -1;
    let bestCount = -1;
    for (const [label, count] of votes) if (count > bestCount) [best, bestCount] = [label, count];
    if (best === labels[i]) agree++;
  }
  return agree / n;
}

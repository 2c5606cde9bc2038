// The device computation must give the host brute-force distance to the r-th other row, across
// anchor and candidate blocks, with duplicate rows, and leave no tensor behind.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { kthNeighbourDistance } from './kthNeighbourDistance';

function bruteForce(rows: number[][], rank: number): number[] {
  return rows.map((a, i) => {
    const d = rows.filter((_, j) => j !== i).map((b) => Math.hypot(...a.map((v, t) => v - b[t])));
    return d.sort((x, y) => x - y)[rank - 1];
  });
}

describe('kthNeighbourDistance', () => {
  it('equals the brute-force r-th neighbour distance across blocks, duplicates included, and leaks nothing', async () => {
    const rng = createRng(4);
    const rows = Array.from({ length: 90 }, () => Array.from({ length: 5 }, () => rng.normal() + 2));
    rows[7] = [...rows[3]]; // an exact duplicate: its nearest other row is at distance 0
    const x = tf.tensor2d(rows);
    const before = tf.memory().numTensors;
    for (const rank of [1, 3, 10]) {
      const got = await kthNeighbourDistance(x, { rank, anchorBlock: 16, candidateBlock: 25 });
      const values = Array.from(await got.data());
      got.dispose();
      const want = bruteForce(rows, rank);
      values.forEach((v, i) => expect(v, `row ${i}, rank ${rank}`).toBeCloseTo(want[i], 2));
    }
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});

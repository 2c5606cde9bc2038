// The device miner must find the same neighbours as a brute-force cosine search on the host,
// never return the anchor, leave no tensor behind, and score neighbour accuracy exactly.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { mineNeighbours, neighbourAccuracy } from './knn';

function randomRows(n: number, d: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
}

function bruteForce(rows: number[][], k: number): number[][] {
  const unit = rows.map((r) => {
    const norm = Math.hypot(...r);
    return r.map((v) => v / norm);
  });
  return unit.map((a, i) =>
    unit
      .map((b, j) => ({ j, s: a.reduce((acc, v, t) => acc + v * b[t], 0) }))
      .filter(({ j }) => j !== i)
      .sort((x, y) => y.s - x.s)
      .slice(0, k)
      .map(({ j }) => j),
  );
}

describe('kNN mining', () => {
  it('finds the host brute-force cosine neighbours, in order, across batches, and leaks nothing', async () => {
    const rows = randomRows(150, 6, 3);
    const x = tf.tensor2d(rows);
    const before = tf.memory().numTensors;
    const mined = await mineNeighbours(x, { k: 5, batchSize: 64 });
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    const expected = bruteForce(rows, 5);
    for (let i = 0; i < rows.length; i++) expect(Array.from(mined.indices.slice(i * 5, i * 5 + 5))).toEqual(expected[i]);
  });

  it('never returns the anchor, even when it has exact duplicates', async () => {
    const rows = [[1, 0], [1, 0], [1, 0], [0, 1], [0, 2]];
    const x = tf.tensor2d(rows);
    const { indices } = await mineNeighbours(x, { k: 2 });
    x.dispose();
    for (let i = 0; i < rows.length; i++) {
      const mine = Array.from(indices.slice(i * 2, i * 2 + 2));
      expect(mine).not.toContain(i);
      expect(new Set(mine).size).toBe(2);
    }
    expect(Array.from(indices.slice(0, 2)).sort()).toEqual([1, 2]);
    expect(Array.from(indices.slice(6, 8))[0]).toBe(4);
  });

  it('neighbour accuracy: 1 on separated directions, the exact share when neighbours cross', async () => {
    const rng = createRng(1);
    const labels: number[] = [];
    const rows: number[][] = [];
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < 20; i++) {
        labels.push(c);
        rows.push([0, 1, 2].map((t) => (t === c ? 10 : 0) + rng.normal() * 0.1));
      }
    const x = tf.tensor2d(rows);
    const mined = await mineNeighbours(x, { k: 4 });
    x.dispose();
    expect(neighbourAccuracy(mined, labels)).toBe(1);
    // Relabel one point: its 4 neighbours and the 4 anchors that chose it (if any) now disagree.
    const swapped = [...labels];
    swapped[0] = 2;
    const chosen = Array.from(mined.indices).filter((m) => m === 0).length;
    expect(neighbourAccuracy(mined, swapped)).toBeCloseTo(1 - (4 + chosen) / (60 * 4), 12);
  });

  it('refuses a k it cannot give', async () => {
    const x = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
    await expect(mineNeighbours(x, { k: 3 })).rejects.toThrow(/k must be/);
    x.dispose();
  });
});

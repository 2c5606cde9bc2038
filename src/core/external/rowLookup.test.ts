import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../data/registry';
import { createRng } from '../rng';
import { nodeDataIO } from '../testing/nodeDataIO';
import { createRowLookup } from './rowLookup';

describe('row lookup', () => {
  it('finds every row of 2,000 real digits, in any order, without leaking tensors', async () => {
    const full = await loadDataset('mnist-10k', nodeDataIO, 0);
    const data = { n: 2000, dim: full.dim, x: full.x.subarray(0, 2000 * full.dim) };
    const x = tf.tensor2d(data.x, [data.n, data.dim]);
    const lookup = await createRowLookup(x, createRng(1));
    const before = tf.memory().numTensors;
    const shuffled = Int32Array.from({ length: data.n }, (_, i) => (i * 7919) % data.n);
    const rows = tf.gather(x, tf.tensor1d(shuffled, 'int32')) as tf.Tensor2D;
    const found = lookup.indicesOf(rows);
    const got = (await found.data()) as Int32Array;
    tf.dispose([rows, found]);
    // The gather's index tensor is the only one left over from this test's own code.
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before + 1);
    // A duplicate image may be found as its twin: compare the pixels found, not the indices.
    let wrong = 0;
    for (let r = 0; r < data.n; r++) {
      const a = shuffled[r];
      const b = got[r];
      if (a === b) continue;
      for (let j = 0; j < data.dim; j++) if (data.x[a * data.dim + j] !== data.x[b * data.dim + j]) { wrong++; break; }
    }
    expect(wrong).toBe(0);
    lookup.dispose();
    x.dispose();
  });
});

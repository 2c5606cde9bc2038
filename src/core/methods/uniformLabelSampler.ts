/**
 * DeepCluster's sampler (Caron et al. 2018, §3.3 "Avoiding trivial solutions"; the authors'
 * UnifLabelSampler): an epoch of n indices in which every non-empty pseudo-class is equally
 * represented — ⌊n / #classes⌋ + 1 draws per class, without replacement when the class is big
 * enough and with replacement otherwise — shuffled and cut to n. Training on it is the same as
 * weighting each point's loss by the inverse size of its class.
 */
import { permutation, type Rng } from '../rng';

export function uniformLabelSample(labels: Int32Array, k: number, rng: Rng): Int32Array {
  const n = labels.length;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[labels[i]].push(i);
  const nonEmpty = members.filter((m) => m.length > 0);
  const per = Math.floor(n / Math.max(1, nonEmpty.length)) + 1;
  const pool = new Int32Array(per * nonEmpty.length);
  let pos = 0;
  for (const m of nonEmpty) {
    if (m.length >= per) {
      // Without replacement: the first `per` entries of a seeded permutation of the class.
      const order = permutation(m.length, rng);
      for (let t = 0; t < per; t++) pool[pos++] = m[order[t]];
    } else {
      for (let t = 0; t < per; t++) pool[pos++] = m[rng.int(m.length)];
    }
  }
  const shuffle = permutation(pool.length, rng);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = pool[shuffle[i]];
  return out;
}

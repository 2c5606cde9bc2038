import { expect, it } from 'vitest';
import { createRng } from '../rng';
import { uniformLabelSample } from './uniformLabelSampler';

it('samples every non-empty pseudo-class about equally, whatever its size', () => {
  const n = 1000;
  // Class sizes 900, 90, 10, and class 3 empty.
  const labels = Int32Array.from({ length: n }, (_, i) => (i < 900 ? 0 : i < 990 ? 1 : 2));
  const out = uniformLabelSample(labels, 4, createRng(1));
  expect(out.length).toBe(n);
  const counts = [0, 0, 0, 0];
  for (const i of out) counts[labels[i]]++;
  for (let c = 0; c < 3; c++) expect(Math.abs(counts[c] - n / 3)).toBeLessThan(40);
  expect(counts[3]).toBe(0);
  // The big class is drawn without replacement: no index twice.
  const big = out.filter((i) => labels[i] === 0);
  expect(new Set(big).size).toBe(big.length);
  expect(Array.from(uniformLabelSample(labels, 4, createRng(1)))).toEqual(Array.from(out));
});

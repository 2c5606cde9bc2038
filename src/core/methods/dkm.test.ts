// DKM's α schedule is the authors' recurrence, and its soft k-means turns hard as α grows.
import { expect, it } from 'vitest';
import { annealedAlphas } from './dkm';

it('annealedAlphas: α_1 = 0.1, α_{n+1} = 2^{1/ln(n)²}·α_n, increasing to ≈ 28 after 40 values', () => {
  const a = annealedAlphas(40);
  expect(a).toHaveLength(40);
  expect(a[0]).toBe(0.1);
  expect(a[1]).toBeCloseTo(0.1 * 2 ** (1 / Math.log(2) ** 2), 10);
  expect(a[2]).toBeCloseTo(a[1] * 2 ** (1 / Math.log(3) ** 2), 10);
  for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
  expect(a[39]).toBeCloseTo(28.13, 1);
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { createBatcher } from './batcher';

const take = (n: number, size: number, batches: number, seed: number): number[][] => {
  const b = createBatcher(n, size, createRng(seed));
  return Array.from({ length: batches }, () => Array.from(b.next()));
};

describe('createBatcher', () => {
  it('visits distinct rows within an epoch, all of them when the size divides n', () => {
    const b = createBatcher(12, 4, createRng(3));
    const epoch1 = [...b.next(), ...b.next(), ...b.next()];
    expect(b.epoch).toBe(1);
    expect([...epoch1].sort((p, q) => p - q)).toEqual([...Array(12).keys()]);
    b.next();
    expect(b.epoch).toBe(2);
  });

  it('keeps every batch the same size, starting a new epoch instead of a short tail', () => {
    const b = createBatcher(10, 4, createRng(1));
    const sizes = Array.from({ length: 7 }, () => b.next().length);
    expect(sizes.every((s) => s === 4)).toBe(true);
    expect(b.epoch).toBe(4); // two batches per epoch, the 2-row tail skipped
  });

  it('is reproducible from the seed and differs across seeds', () => {
    expect(take(100, 10, 15, 5)).toEqual(take(100, 10, 15, 5));
    expect(take(100, 10, 15, 5)).not.toEqual(take(100, 10, 15, 6));
  });

  it('shrinks the batch to n when n is smaller', () => {
    const b = createBatcher(3, 256, createRng(0));
    expect(b.batchSize).toBe(3);
    expect([...b.next()].sort()).toEqual([0, 1, 2]);
  });
});

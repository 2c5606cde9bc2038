import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import type { Phase } from '../methods/types';
import { createBatcher, phaseBatches } from './batcher';

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

describe('phaseBatches', () => {
  const phase = (nextBatch?: (step: number) => Int32Array): Phase => ({ id: 'p', label: 'p', steps: 10, batchSize: 4, nextBatch });

  it("takes the phase's own sampler when it has one, and counts epochs of batchSize rows", () => {
    const seen: number[] = [];
    const batches = phaseBatches(phase((step) => (seen.push(step), Int32Array.of(step, step, step, step))), 10, createRng(1));
    expect(Array.from(batches.next(0))).toEqual([0, 0, 0, 0]);
    expect(Array.from(batches.next(3))).toEqual([3, 3, 3, 3]);
    expect(seen).toEqual([0, 3]);
    expect(batches.epoch).toBe(2); // rows 12–15 of a 10-row pass
  });

  it('says which phase gave a batch of the wrong size', () => {
    const batches = phaseBatches(phase(() => Int32Array.of(1, 2)), 10, createRng(1));
    expect(() => batches.next(0)).toThrow(/phase 'p': nextBatch gave 2 indices, expected 4/);
  });

  it('falls back to the seeded permutation', () => {
    const a = phaseBatches(phase(), 10, createRng(1));
    const b = createBatcher(10, 4, createRng(1));
    expect(Array.from(a.next(0))).toEqual(Array.from(b.next()));
  });
});

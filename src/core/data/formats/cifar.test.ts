import { describe, expect, it } from 'vitest';
import { CIFAR10_CLASSES, datasetFromCifar10 } from './cifar';

const RECORD = 3073;

/** One CIFAR-10 record: label byte, then the R, G and B planes, each filled by `pixel(p, c)`. */
function record(label: number, pixel: (p: number, c: number) => number): Uint8Array {
  const out = new Uint8Array(RECORD);
  out[0] = label;
  for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) out[1 + c * 1024 + p] = pixel(p, c);
  return out;
}

function batch(...records: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(records.length * RECORD);
  records.forEach((r, i) => out.set(r, i * RECORD));
  return out;
}

describe('datasetFromCifar10', () => {
  it('interleaves the R, G, B planes per pixel (RGBRGB…) and scales by 1/255', () => {
    // Record 0: red plane 255, green 51, blue 0 everywhere except pixel 33 (row 1, col 1).
    const r0 = record(3, (p, c) => (p === 33 ? 10 * (c + 1) : [255, 51, 0][c]));
    const r1 = record(9, (p, c) => (p + c) % 256);
    const d = datasetFromCifar10([batch(r0, r1)]);
    expect([d.n, d.dim]).toEqual([2, 3072]);
    expect(d.image).toEqual({ width: 32, height: 32, channels: 3 });
    expect(Array.from(d.x.subarray(0, 6))).toEqual([1, Math.fround(0.2), 0, 1, Math.fround(0.2), 0]);
    expect(Array.from(d.x.subarray(33 * 3, 33 * 3 + 3))).toEqual([10, 20, 30].map((v) => Math.fround(v / 255)));
    // Record 1, pixel 1023 (bottom-right): R = 1023 % 256 = 255, G = 0, B = 1.
    expect(Array.from(d.x.subarray(3072 + 1023 * 3, 3072 + 1024 * 3))).toEqual([1, 0, Math.fround(1 / 255)]);
    expect(Array.from(d.labels ?? [])).toEqual([3, 9]);
    expect(d.classNames).toEqual(CIFAR10_CLASSES);
    expect(d.classNames?.[3]).toBe('cat');
    expect(d.numClasses).toBe(10);
    expect(d.id).toBe('file:cifar10');
  });

  it('concatenates batches in the order given', () => {
    const d = datasetFromCifar10([batch(record(1, () => 0)), batch(record(2, () => 255), record(0, () => 0))], { id: 'x', name: 'X' });
    expect(Array.from(d.labels ?? [])).toEqual([1, 2, 0]);
    expect(d.x[3072]).toBe(1);
    expect(d.x[2 * 3072]).toBe(0);
    expect([d.id, d.name, d.n]).toEqual(['x', 'X', 3]);
  });

  it('rejects a batch whose size is not a multiple of 3073, naming it and its size', () => {
    const good = batch(record(0, () => 0));
    expect(() => datasetFromCifar10([good, good.subarray(0, 3000)])).toThrow(
      /CIFAR-10 batch 2 is 3000 bytes, not a multiple of the 3073-byte record — use the binary version/,
    );
    expect(() => datasetFromCifar10([new Uint8Array(3074 * 2)], { batchNames: ['train.bin'] })).toThrow(
      /CIFAR-10 batch 'train.bin' is 6148 bytes.*looks like CIFAR-100/,
    );
  });

  it('rejects no batches, an empty batch and a label byte above 9', () => {
    expect(() => datasetFromCifar10([])).toThrow(/No CIFAR-10 batches given/);
    expect(() => datasetFromCifar10([new Uint8Array(0)], { batchNames: ['test_batch.bin'] })).toThrow(
      /CIFAR-10 batch 'test_batch.bin' is empty \(0 bytes\)/,
    );
    expect(() => datasetFromCifar10([batch(record(0, () => 0), record(12, () => 0))])).toThrow(
      /CIFAR-10 batch 1, record 1: label byte 12, expected 0..9/,
    );
  });
});

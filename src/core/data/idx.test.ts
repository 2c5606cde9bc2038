import { describe, expect, it } from 'vitest';
import { encodeIdx, parseIdx } from './idx';
import { createRng } from '../rng';

function randomBytes(n: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({ length: n }, () => rng.int(256));
}

describe('parseIdx', () => {
  it('round-trips images (3 dims) and labels (1 dim) through encodeIdx', () => {
    for (const dims of [[7, 28, 28], [13], [2, 3, 4, 5]]) {
      const n = dims.reduce((a, b) => a * b, 1);
      const data = randomBytes(n, n);
      const buf = encodeIdx(dims, data);
      expect(buf.byteLength).toBe(4 + 4 * dims.length + n);
      const parsed = parseIdx(buf);
      expect(parsed.dims).toEqual(dims);
      expect(Array.from(parsed.data)).toEqual(Array.from(data));
    }
  });

  it('writes the MNIST magic numbers big-endian', () => {
    const img = new DataView(encodeIdx([1, 2, 2], new Uint8Array(4)));
    const lab = new DataView(encodeIdx([3], new Uint8Array(3)));
    expect(img.getUint32(0, false)).toBe(0x00000803);
    expect(lab.getUint32(0, false)).toBe(0x00000801);
  });

  it('ignores trailing bytes beyond the declared body', () => {
    const buf = encodeIdx([4], Uint8Array.of(1, 2, 3, 4));
    const padded = new Uint8Array(buf.byteLength + 5);
    padded.set(new Uint8Array(buf));
    expect(Array.from(parseIdx(padded.buffer).data)).toEqual([1, 2, 3, 4]);
  });

  it('rejects a wrong magic number, saying what it expected and found', () => {
    const bytes = new Uint8Array(encodeIdx([2], Uint8Array.of(0, 1)));
    bytes[0] = 0x1f; // e.g. a gzip file that was never decompressed
    bytes[1] = 0x8b;
    expect(() => parseIdx(bytes.buffer)).toThrow(/wrong magic number 0x1f8b0801.*expected 0x00000801/);
  });

  it('rejects a non-byte element type by name', () => {
    const bytes = new Uint8Array(encodeIdx([2], Uint8Array.of(0, 1)));
    bytes[2] = 0x0d;
    expect(() => parseIdx(bytes.buffer)).toThrow(/unsupported element type float32.*expected unsigned byte/);
  });

  it('rejects a truncated body with expected and found sizes', () => {
    const buf = encodeIdx([3, 2, 2], new Uint8Array(12));
    expect(() => parseIdx(buf.slice(0, buf.byteLength - 5))).toThrow(
      /truncated body, expected 12 bytes for dims \[3, 2, 2\], found 7/,
    );
  });

  it('rejects a truncated header and a too-short file', () => {
    const buf = encodeIdx([3, 2, 2], new Uint8Array(12));
    expect(() => parseIdx(buf.slice(0, 10))).toThrow(/truncated header, expected 16 bytes.*found 10/);
    expect(() => parseIdx(new ArrayBuffer(2))).toThrow(/2 bytes, expected at least/);
  });

  it('encodeIdx refuses data that does not match its dims', () => {
    expect(() => encodeIdx([2, 2], new Uint8Array(3))).toThrow(/3 bytes.*need 4/);
  });
});

import { describe, expect, it } from 'vitest';
import { datasetFromNpy, parseNpy } from './npy';
import { encodeNpy, leBytes } from './testFixtures';

describe('parseNpy', () => {
  it('reads <f4 and <f8 in C order, for headers v1.0, v2.0 and v3.0', () => {
    for (const version of [1, 2, 3] as const) {
      const f4 = parseNpy(encodeNpy({ descr: '<f4', shape: [2, 3], body: leBytes([1.5, -2, 0, 3, 4, 1e-3], 'f4'), version }));
      expect(f4.shape).toEqual([2, 3]);
      expect(f4.dtype).toBe('<f4');
      expect(f4.data).toBeInstanceOf(Float32Array);
      expect(Array.from(f4.data)).toEqual([1.5, -2, 0, 3, 4, Math.fround(1e-3)]);
    }
    const f8 = parseNpy(encodeNpy({ descr: '<f8', shape: [3], body: leBytes([0.1, 1e300, -7], 'f8') }));
    expect(f8.data).toBeInstanceOf(Float32Array);
    expect(Array.from(f8.data)).toEqual([Math.fround(0.1), Infinity, -7]);
  });

  it('reads a float32 body that starts at an unaligned offset in the buffer', () => {
    const file = encodeNpy({ descr: '<f4', shape: [2], body: leBytes([0.25, 8], 'f4') });
    const padded = new Uint8Array(file.length + 1);
    padded.set(file, 1);
    expect(Array.from(parseNpy(padded.subarray(1)).data)).toEqual([0.25, 8]);
  });

  it('reads every integer and bool dtype into an Int32Array', () => {
    const cases: [string, Uint8Array, number[]][] = [
      ['|u1', Uint8Array.of(0, 200, 255), [0, 200, 255]],
      ['|i1', Uint8Array.of(0, 0x80, 0xff), [0, -128, -1]],
      ['<i1', Uint8Array.of(5, 0xfe, 1), [5, -2, 1]],
      ['|b1', Uint8Array.of(1, 0, 1), [1, 0, 1]],
      ['<i2', leBytes([-300, 0, 32767], 'i2'), [-300, 0, 32767]],
      ['<u2', leBytes([65535, 1, 2], 'i2'), [-1, 1, 2].map((v) => v & 0xffff)],
      ['<i4', leBytes([-2147483648, 7, 2147483647], 'i4'), [-2147483648, 7, 2147483647]],
      ['<u4', leBytes([0, 9, 2147483647], 'u4'), [0, 9, 2147483647]],
      ['<i8', leBytes([-5, 2147483647, -2147483648], 'i8'), [-5, 2147483647, -2147483648]],
      ['<u8', leBytes([0, 3, 2147483647], 'u8'), [0, 3, 2147483647]],
    ];
    for (const [descr, body, expected] of cases) {
      const a = parseNpy(encodeNpy({ descr, shape: [3], body }));
      expect(a.data, descr).toBeInstanceOf(Int32Array);
      expect(Array.from(a.data), descr).toEqual(expected);
    }
  });

  it('rejects 64-bit and uint32 values that do not fit in int32 instead of wrapping them', () => {
    expect(() => parseNpy(encodeNpy({ descr: '<i8', shape: [2], body: leBytes([1, 2 ** 31], 'i8') }))).toThrow(
      /value 2147483648 at flat index 1 does not fit in int32/,
    );
    expect(() => parseNpy(encodeNpy({ descr: '<i8', shape: [1], body: leBytes([-(2 ** 31) - 1], 'i8') }))).toThrow(/-2147483649/);
    expect(() => parseNpy(encodeNpy({ descr: '<u4', shape: [1], body: leBytes([2 ** 32 - 1], 'u4') }))).toThrow(/4294967295/);
  });

  it('rejects big-endian, Fortran-order, structured and unsupported dtypes with a fix', () => {
    const body = new Uint8Array(8);
    expect(() => parseNpy(encodeNpy({ descr: '>f4', shape: [2], body }))).toThrow(/big-endian dtype '>f4'.*x.astype\('<f4'\)/);
    expect(() => parseNpy(encodeNpy({ descr: '<f4', shape: [1, 2], body, fortran: true }))).toThrow(/Fortran-order.*ascontiguousarray/);
    expect(() => parseNpy(encodeNpy({ descr: '<f2', shape: [4], body }))).toThrow(/dtype '<f2' is not supported/);
    expect(() => parseNpy(encodeNpy({ descr: '<U1', shape: [2], body }))).toThrow(/dtype '<U1' is not supported/);
    const structured = "{'descr': [('a', '<f4'), ('b', '<f4')], 'fortran_order': False, 'shape': (1,), }";
    expect(() => parseNpy(encodeNpy({ descr: '', shape: [], body, header: structured }))).toThrow(/structured dtypes/);
    expect(() => parseNpy(encodeNpy({ descr: '', shape: [], body, header: "{'descr': '<f4', 'shape': (2,)}" }))).toThrow(
      /header has no readable 'fortran_order'/,
    );
  });

  it('rejects an empty file, a non-npy file, an unknown version and a truncated header or body', () => {
    expect(() => parseNpy(new Uint8Array(0))).toThrow(/NPY file is empty \(0 bytes\)/);
    expect(() => parseNpy(new TextEncoder().encode('a,b\n1,2\n'), 'x.npy')).toThrow(/x.npy is not a .npy file/);
    const file = encodeNpy({ descr: '<f4', shape: [2, 2], body: leBytes([1, 2, 3, 4], 'f4') });
    expect(() => parseNpy(file.subarray(0, 8))).toThrow(/truncated header, the file ends after 8 bytes/);
    expect(() => parseNpy(file.subarray(0, 40))).toThrow(/truncated header, expected 128 bytes, the file has 40/);
    expect(() => parseNpy(file.subarray(0, file.length - 1))).toThrow(
      /truncated data, shape \(2, 2\) of <f4 needs 16 bytes, found 15/,
    );
    const v9 = file.slice();
    v9[6] = 9;
    expect(() => parseNpy(v9)).toThrow(/version 9.0 is not supported/);
  });
});

describe('datasetFromNpy', () => {
  it('reads a 2-D feature matrix as is and remaps integer labels to 0-based ids', () => {
    const x = encodeNpy({ descr: '<f8', shape: [3, 2], body: leBytes([1, 2, 3, 4, 5, 600], 'f8') });
    const y = encodeNpy({ descr: '<i8', shape: [3], body: leBytes([10, 3, 10], 'i8') });
    const d = datasetFromNpy(x, y, 'feats.npy');
    expect([d.id, d.name, d.n, d.dim]).toEqual(['file:feats.npy', 'feats', 3, 2]);
    expect(Array.from(d.x)).toEqual([1, 2, 3, 4, 5, 600]);
    expect(Array.from(d.labels ?? [])).toEqual([1, 0, 1]);
    expect(d.classNames).toEqual(['3', '10']);
    expect(d.numClasses).toBe(2);
    expect(d.image).toBeUndefined();
  });

  it('turns 3-D uint8 arrays into grey images scaled by 1/255, without labels', () => {
    const d = datasetFromNpy(encodeNpy({ descr: '|u1', shape: [2, 1, 2], body: Uint8Array.of(0, 51, 255, 102) }));
    expect(d.image).toEqual({ width: 2, height: 1, channels: 1 });
    expect([d.n, d.dim, d.numClasses, d.labels]).toEqual([2, 2, 10, undefined]);
    expect(Array.from(d.x)).toEqual([0, Math.fround(0.2), 1, Math.fround(0.4)]);
    expect(d.id).toBe('file:x.npy');
  });

  it('reads 4-D channels-last RGB images and float labels that are whole numbers', () => {
    const x = encodeNpy({ descr: '<f4', shape: [1, 2, 1, 3], body: leBytes([1, 0, 0, 0.5, 0.25, 0], 'f4') });
    const y = encodeNpy({ descr: '<f4', shape: [1, 1], body: leBytes([4], 'f4') });
    const d = datasetFromNpy(x, y);
    expect(d.image).toEqual({ width: 1, height: 2, channels: 3 });
    expect(Array.from(d.x)).toEqual([1, 0, 0, 0.5, 0.25, 0]);
    expect(d.classNames).toEqual(['4']);
    expect(Array.from(d.labels ?? [])).toEqual([0]);
  });

  it('rejects channels-first images, float images outside [0, 1], and wrong ranks', () => {
    expect(() => datasetFromNpy(encodeNpy({ descr: '|u1', shape: [1, 3, 2, 2], body: new Uint8Array(12) }))).toThrow(
      /channels last, 2 channels found — this looks channels-first/,
    );
    expect(() => datasetFromNpy(encodeNpy({ descr: '<f4', shape: [1, 1, 2], body: leBytes([0.5, 255], 'f4') }))).toThrow(
      /x.npy\[0, 1\] \(row, flat feature\) is 255: image values must be uint8/,
    );
    expect(() => datasetFromNpy(encodeNpy({ descr: '<i8', shape: [4], body: leBytes([0, 1, 2, 3], 'i8') }))).toThrow(
      /shape \(4,\); expected 2-D.*pass it as y/,
    );
    expect(() => datasetFromNpy(encodeNpy({ descr: '<f4', shape: [0, 3], body: new Uint8Array(0) }))).toThrow(/holds no values/);
  });

  it('rejects NaN features, mismatched or fractional labels, and names the file', () => {
    const x = encodeNpy({ descr: '<f4', shape: [2, 2], body: leBytes([1, 2, NaN, 4], 'f4') });
    expect(() => datasetFromNpy(x, undefined, 'emb.npy')).toThrow(/'emb.npy'\[1, 0\] \(row, flat feature\) is NaN — fill in or drop/);
    const ok = encodeNpy({ descr: '<f4', shape: [2, 2], body: leBytes([1, 2, 3, 4], 'f4') });
    const y3 = encodeNpy({ descr: '<i4', shape: [3], body: leBytes([0, 1, 2], 'i4') });
    expect(() => datasetFromNpy(ok, y3)).toThrow(/y.npy has shape \(3,\), expected \(2,\)/);
    const yFrac = encodeNpy({ descr: '<f8', shape: [2], body: leBytes([0, 0.5], 'f8') });
    expect(() => datasetFromNpy(ok, yFrac)).toThrow(/y.npy\[1\] is 0.5, not a whole number/);
    expect(() => datasetFromNpy(ok, new Uint8Array(0))).toThrow(/y.npy is empty/);
  });
});

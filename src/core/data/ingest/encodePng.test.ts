import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from './encodePng';
import { imageSize, looksComplete } from './imageHeader';
import { sniffFile } from './sniff';
import { decodePng } from './testing/pngDecode';

describe('crc32', () => {
  it('matches the standard check value', () => {
    // The CRC-32 of the ASCII digits 1..9 is the catalogue check value 0xcbf43926.
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('encodePng', () => {
  it('writes a PNG that the header reader, the sniffer and a decoder all accept', () => {
    const pixels = Uint8Array.from({ length: 3 * 2 * 3 }, (_, i) => i * 10);
    const bytes = encodePng(3, 2, 3, pixels);
    expect(sniffFile('a.png', bytes)).toEqual({ kind: 'image', image: 'png' });
    expect(imageSize('png', bytes)).toEqual({ width: 3, height: 2 });
    expect(looksComplete('png', bytes, { width: 3, height: 2 })).toBe(true);
    const decoded = decodePng(bytes);
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    // RGB → RGBA with opaque alpha.
    expect(Array.from(decoded.rgba.subarray(0, 8))).toEqual([0, 10, 20, 255, 30, 40, 50, 255]);
  });

  it('stores one filter byte (0) per scanline, then the samples', () => {
    const bytes = encodePng(2, 2, 1, Uint8Array.of(1, 2, 3, 4));
    // IDAT follows the 8-byte signature and the 25-byte IHDR chunk.
    const length = new DataView(bytes.buffer).getUint32(33);
    expect(String.fromCharCode(...bytes.subarray(37, 41))).toBe('IDAT');
    expect(Array.from(unzlibSync(bytes.subarray(41, 41 + length)))).toEqual([0, 1, 2, 0, 3, 4]);
  });

  it('round-trips grey and RGBA pixels', () => {
    const grey = decodePng(encodePng(2, 1, 1, Uint8Array.of(7, 250)));
    expect(Array.from(grey.rgba)).toEqual([7, 7, 7, 255, 250, 250, 250, 255]);
    const rgba = decodePng(encodePng(1, 1, 4, Uint8Array.of(1, 2, 3, 4)));
    expect(Array.from(rgba.rgba)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a pixel buffer of the wrong length or a zero size', () => {
    expect(() => encodePng(2, 2, 3, new Uint8Array(11))).toThrow('needs 12 bytes, got 11');
    expect(() => encodePng(0, 2, 1, new Uint8Array(0))).toThrow('whole and positive');
  });
});

describe('decodePng (test helper)', () => {
  it('rejects non-PNG bytes and a damaged chunk, as a browser would', () => {
    expect(() => decodePng(new TextEncoder().encode('hello'))).toThrow('not a PNG');
    const bytes = encodePng(2, 2, 1, Uint8Array.of(1, 2, 3, 4));
    bytes[45] ^= 0xff; // inside IDAT
    expect(() => decodePng(bytes)).toThrow('bad CRC');
  });
});

/**
 * A minimal PNG encoder (8-bit grey, RGB or RGBA; no filtering; zlib via fflate). Pure, so the
 * tests and the e2e fixture script (Node) can write real image files without a canvas.
 */
import { zlibSync } from 'fflate';

const COLOR_TYPES: Record<1 | 3 | 4, number> = { 1: 0, 3: 2, 4: 6 }; // grey, truecolour, truecolour + alpha

let crcTable: Uint32Array | null = null;

/** CRC-32 (the zlib / PNG polynomial 0xedb88320), table built on first use. */
export function crc32(bytes: Uint8Array, from = 0, to = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = from; i < to; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One chunk: length, type, data, CRC over type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** The 13-byte IHDR payload for 8-bit samples. */
export function ihdr(width: number, height: number, channels: 1 | 3 | 4): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data[8] = 8; // bits per sample
  data[9] = COLOR_TYPES[channels];
  return data; // compression, filter and interlace methods: 0
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `pixels`: height × width × channels bytes, row-major, channels interleaved. */
export function encodePng(width: number, height: number, channels: 1 | 3 | 4, pixels: Uint8Array): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`encodePng: size must be whole and positive, got ${width} × ${height}`);
  }
  const stride = width * channels;
  if (pixels.length !== stride * height) {
    throw new Error(`encodePng: ${width} × ${height} × ${channels} needs ${stride * height} bytes, got ${pixels.length}`);
  }
  // Every scanline starts with its filter type; 0 (none) keeps the encoder trivial.
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return concatBytes([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr(width, height, channels)),
    pngChunk('IDAT', zlibSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/**
 * Test-only PNG decoder for the files encodePng writes (8-bit grey / RGB / RGBA, filter 0, no
 * interlace): enough to check the encoder round-trips and to fake the browser's decoder in Node.
 * Anything else is refused with an Error, like a browser refusing a damaged file.
 */
import { unzlibSync } from 'fflate';
import { crc32, PNG_SIGNATURE } from '../encodePng';

export interface DecodedPng {
  width: number;
  height: number;
  /** width × height × 4, straight alpha. */
  rgba: Uint8ClampedArray;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 6: 4 };

export function decodePng(bytes: Uint8Array): DecodedPng {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  let ended = false;
  for (let p = 8; p + 12 <= bytes.length && !ended; ) {
    const length = view.getUint32(p);
    const type = String.fromCharCode(...bytes.subarray(p + 4, p + 8));
    if (p + 12 + length > bytes.length) throw new Error(`PNG chunk ${type} is cut off`);
    if (crc32(bytes, p + 4, p + 8 + length) !== view.getUint32(p + 8 + length)) throw new Error(`PNG chunk ${type} has a bad CRC`);
    const data = bytes.subarray(p + 8, p + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(p + 8);
      height = view.getUint32(p + 12);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs are supported');
      channels = CHANNELS[data[9]] ?? 0;
      if (!channels) throw new Error(`PNG colour type ${data[9]} is not supported`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    p += 12 + length;
  }
  if (!ended || idat.length === 0 || !channels) throw new Error('PNG is incomplete');
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of idat) {
    joined.set(d, at);
    at += d.length;
  }
  const raw = unzlibSync(joined);
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height) throw new Error('PNG image data has the wrong length');
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const line = y * (stride + 1);
    if (raw[line] !== 0) throw new Error(`PNG filter type ${raw[line]} is not supported`);
    for (let x = 0; x < width; x++) {
      const s = line + 1 + x * channels;
      const d = (y * width + x) * 4;
      if (channels === 1) rgba.set([raw[s], raw[s], raw[s], 255], d);
      else rgba.set([raw[s], raw[s + 1], raw[s + 2], channels === 4 ? raw[s + 3] : 255], d);
    }
  }
  return { width, height, rgba };
}

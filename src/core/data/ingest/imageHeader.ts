/**
 * Reads an image's width and height from its header, without decoding, so that huge images are
 * refused before the browser allocates their pixels, and damaged files are reported by name
 * instead of failing somewhere inside the decoder. Sizes are as stored: JPEG EXIF rotation is
 * not applied (it swaps width and height but never changes the pixel count).
 */
import { formatCount } from './text';
import { MAX_IMAGE_PIXELS, type ImageKind } from './types';

export interface ImageSize {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, p: number): number => (b[p] << 8) | b[p + 1];
const u16le = (b: Uint8Array, p: number): number => b[p] | (b[p + 1] << 8);
const u24le = (b: Uint8Array, p: number): number => b[p] | (b[p + 1] << 8) | (b[p + 2] << 16);
const u32be = (b: Uint8Array, p: number): number => ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
const u32le = (b: Uint8Array, p: number): number => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
const i32le = (b: Uint8Array, p: number): number => b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
const tag = (b: Uint8Array, p: number): string => String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3]);

const sized = (width: number, height: number): ImageSize | null => (width > 0 && height > 0 ? { width, height } : null);

function pngSize(b: Uint8Array): ImageSize | null {
  // Signature (8), then the IHDR chunk: length 13, 'IHDR', width, height (big-endian).
  if (b.length < 24 || tag(b, 12) !== 'IHDR') return null;
  return sized(u32be(b, 16), u32be(b, 20));
}

// SOF0..SOF15 carry the frame size; C4 (DHT), C8 (reserved) and CC (DAC) share the range but do not.
const isStartOfFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegSize(b: Uint8Array): ImageSize | null {
  let p = 2; // after SOI
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return null;
    let marker = b[p + 1];
    while (marker === 0xff && p + 2 < b.length) marker = b[++p + 1]; // fill bytes before a marker
    p += 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // markers without a length
    if (marker === 0xd9 || marker === 0xda) return null; // image data or end before any frame header
    if (p + 2 > b.length) return null;
    const length = u16be(b, p);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      // length (2), precision (1), height (2), width (2)
      if (p + 7 > b.length) return null;
      return sized(u16be(b, p + 5), u16be(b, p + 3));
    }
    p += length;
  }
  return null;
}

/** Width and height of the first frame's image descriptor, or null when none is found. */
function firstGifFrame(b: Uint8Array): ImageSize | null {
  let p = 13;
  if (b[10] & 0x80) p += 3 << ((b[10] & 7) + 1); // the global colour table
  while (p < b.length) {
    if (b[p] === 0x2c) return p + 9 <= b.length ? { width: u16le(b, p + 5), height: u16le(b, p + 7) } : null;
    if (b[p] !== 0x21) return null; // the trailer, or not GIF blocks any more
    p += 2; // extension introducer and label, then data sub-blocks up to an empty one
    while (p < b.length && b[p] !== 0) p += b[p] + 1;
    p++;
  }
  return null;
}

function gifSize(b: Uint8Array): ImageSize | null {
  // 'GIF89a', then the logical screen's width and height (little-endian).
  if (b.length < 13) return null;
  // Browsers decode a first frame larger than the screen at the frame's size, so a 1 × 1
  // screen can hide a 60,000 × 60,000 frame: the larger of the two is what gets allocated.
  const frame = firstGifFrame(b);
  return sized(Math.max(u16le(b, 6), frame?.width ?? 0), Math.max(u16le(b, 8), frame?.height ?? 0));
}

function bmpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 26) return null;
  if (u32le(b, 14) === 12) return sized(u16le(b, 18), u16le(b, 20)); // OS/2 BITMAPCOREHEADER
  // A negative height means rows are stored top-down; the size is its magnitude.
  return sized(i32le(b, 18), Math.abs(i32le(b, 22)));
}

function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 30) return null;
  const chunk = tag(b, 12);
  if (chunk === 'VP8 ') {
    // Lossy: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return sized(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    // Lossless: signature 0x2f, then width − 1 and height − 1 in 14 bits each.
    if (b[20] !== 0x2f) return null;
    const bits = u32le(b, 21);
    return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return sized(u24le(b, 24) + 1, u24le(b, 27) + 1); // extended: 24-bit canvas size − 1
  return null;
}

/** Width and height from the header, or null when the header is truncated or unreadable. */
export function imageSize(kind: ImageKind, bytes: Uint8Array): ImageSize | null {
  switch (kind) {
    case 'png':
      return pngSize(bytes);
    case 'jpeg':
      return jpegSize(bytes);
    case 'gif':
      return gifSize(bytes);
    case 'bmp':
      return bmpSize(bytes);
    case 'webp':
      return webpSize(bytes);
  }
}

/** Walks the chunks: every chunk must fit in the file, with image data and the closing IEND. */
function pngComplete(b: Uint8Array): boolean {
  let p = 8;
  let sawData = false;
  while (p + 12 <= b.length) {
    const length = u32be(b, p);
    const type = tag(b, p + 4);
    if (p + 12 + length > b.length) return false;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData;
    p += 12 + length;
  }
  return false;
}

function bmpComplete(b: Uint8Array, size: ImageSize): boolean {
  const dataOffset = u32le(b, 10);
  const core = u32le(b, 14) === 12;
  const bitsPerPixel = u16le(b, core ? 24 : 28);
  const compression = core ? 0 : u32le(b, 30);
  // Uncompressed layouts have a known size: rows padded to 4 bytes. RLE sizes are not predictable.
  if (compression === 0 || compression === 3 || compression === 6) {
    const stride = Math.floor((bitsPerPixel * size.width + 31) / 32) * 4;
    return b.length >= dataOffset + stride * size.height;
  }
  return dataOffset < b.length;
}

/**
 * False when the file visibly ends too early (PNG chunks, BMP pixel rows, the WebP RIFF length).
 * Browsers decode a cut-off image without complaint, filling the rest with grey, which would
 * enter the dataset as a half-blank picture. JPEG and GIF are not checked: their end markers are
 * often followed or replaced by harmless extra bytes, and a check would refuse good files.
 */
export function looksComplete(kind: ImageKind, bytes: Uint8Array, size: ImageSize): boolean {
  switch (kind) {
    case 'png':
      return pngComplete(bytes);
    case 'bmp':
      return bmpComplete(bytes, size);
    case 'webp':
      return bytes.length >= u32le(bytes, 4) + 8;
    case 'jpeg':
    case 'gif':
      return true;
  }
}

/** The message for an image over MAX_IMAGE_PIXELS, or null when it is small enough to decode. */
export function tooLargeProblem(path: string, size: ImageSize): string | null {
  const pixels = size.width * size.height;
  if (pixels <= MAX_IMAGE_PIXELS) return null;
  const megapixels = Math.round(pixels / 1e5) / 10;
  return (
    `${path} is ${formatCount(size.width)} × ${formatCount(size.height)} pixels (${megapixels} megapixels), ` +
    `over the limit of ${MAX_IMAGE_PIXELS / 1e6} megapixels — downscale it (a few hundred pixels a side is plenty) and drop it again`
  );
}

/**
 * Test-only builders of dropped files: a labelled folder of shapes, and every kind of bad input
 * the ingest must survive (empty, truncated, renamed, oversized, corrupted, nested, …).
 * Pure and seeded, so the e2e fixture script can write the same files from Node.
 */
import { strToU8, zipSync, zlibSync } from 'fflate';
import { createRng, type Rng } from '../../../rng';
import { encodeIdx } from '../../idx';
import { concatBytes, encodePng, ihdr, pngChunk, PNG_SIGNATURE } from '../encodePng';
import type { InputFile } from '../types';

export type ShapeClass = 'circle' | 'square' | 'bar';
export const SHAPE_CLASSES: ShapeClass[] = ['circle', 'square', 'bar'];

/** A side × side grey image, white shape on black, drawn by a pixel predicate. */
function drawGrey(side: number, inside: (x: number, y: number) => boolean): Uint8Array {
  const pixels = new Uint8Array(side * side);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) if (inside(x, y)) pixels[y * side + x] = 255;
  return pixels;
}

/** A random placement of one shape; the returned key tells identical images apart before drawing. */
interface Shape {
  key: string;
  inside: (x: number, y: number) => boolean;
}

function randomShape(kind: ShapeClass, side: number, rng: Rng): Shape {
  if (kind === 'square') {
    const s = 6 + rng.int(7);
    const x0 = rng.int(side - s + 1);
    const y0 = rng.int(side - s + 1);
    return { key: `s${s},${x0},${y0}`, inside: (x, y) => x >= x0 && x < x0 + s && y >= y0 && y < y0 + s };
  }
  if (kind === 'circle') {
    const r = 3 + rng.int(4);
    const cx = r + rng.int(side - 2 * r);
    const cy = r + rng.int(side - 2 * r);
    return { key: `c${r},${cx},${cy}`, inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r };
  }
  const w = 10 + rng.int(side - 12);
  const x0 = rng.int(side - w + 1);
  const y0 = rng.int(side - 3);
  return { key: `b${w},${x0},${y0}`, inside: (x, y) => x >= x0 && x < x0 + w && y >= y0 && y < y0 + 3 };
}

export interface ShapesOptions {
  perClass: number;
  seed?: number;
  /** Folder the classes sit in (default 'shapes'); '' puts the class folders at the root. */
  root?: string;
  side?: number;
  classes?: ShapeClass[];
}

/** '<root>/<class>/007.png' grey PNGs, all distinct, `perClass` per class. */
export function shapesFolder(opts: ShapesOptions): InputFile[] {
  const { perClass, seed = 1, root = 'shapes', side = 24, classes = SHAPE_CLASSES } = opts;
  const rng = createRng(seed);
  const files: InputFile[] = [];
  for (const kind of classes) {
    const seen = new Set<string>();
    for (let i = 0; i < perClass; i++) {
      let shape = randomShape(kind, side, rng);
      while (seen.has(shape.key)) shape = randomShape(kind, side, rng);
      seen.add(shape.key);
      const name = `${kind}/${String(i).padStart(3, '0')}.png`;
      files.push({ path: root ? `${root}/${name}` : name, bytes: encodePng(side, side, 1, drawGrey(side, shape.inside)) });
    }
  }
  return files;
}

/** A grey PNG whose pixels spell out `id` (so every id gives different bytes). */
export function uniquePng(id: number, width = 4, height = 2): Uint8Array {
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (Math.floor(id / 256 ** i) % 256) ^ (i * 37);
  return encodePng(width, height, 1, pixels);
}

/** `count` distinct tiny PNGs '<root>/img<i>.png'. */
export function tinyImages(count: number, root = 'many'): InputFile[] {
  return Array.from({ length: count }, (_, i) => ({ path: `${root}/img${i}.png`, bytes: uniquePng(i) }));
}

/** A PNG whose sample (x, y, channel c) is fill(x, y, c). */
export function png(
  path: string,
  width: number,
  height: number,
  channels: 1 | 3 | 4,
  fill: (x: number, y: number, c: number) => number,
): InputFile {
  const pixels = new Uint8Array(width * height * channels);
  for (let i = 0; i < pixels.length; i++) {
    const p = Math.floor(i / channels);
    pixels[i] = fill(p % width, Math.floor(p / width), i % channels);
  }
  return { path, bytes: encodePng(width, height, channels, pixels) };
}

/** Grey 10 × 20, RGB 40 × 30, RGBA 16 × 16 and grey 1 × 1: all must come out the same size. */
export function mixedImages(root = 'mixed'): InputFile[] {
  return [
    png(`${root}/grey-10x20.png`, 10, 20, 1, (x, y) => (x * 20 + y) % 256),
    png(`${root}/rgb-40x30.png`, 40, 30, 3, (x, y, c) => (c === 0 ? x * 6 : c === 1 ? y * 8 : 128)),
    png(`${root}/rgba-16x16.png`, 16, 16, 4, (x, y, c) => (c === 3 ? (x < 8 ? 255 : 0) : 200 - y)),
    png(`${root}/grey-1x1.png`, 1, 1, 1, () => 77),
  ];
}

export const emptyFile = (path = 'empty.png'): InputFile => ({ path, bytes: new Uint8Array(0) });

/** A real PNG cut after 30 bytes: the header is readable, the image data is gone. */
export const truncatedPng = (path = 'cut.png'): InputFile => ({ path, bytes: shapesFolder({ perClass: 1 })[0].bytes.slice(0, 30) });

/** A JPEG start (SOI, most of a JFIF APP0 segment) and nothing else. */
export const truncatedJpeg = (path = 'cut.jpg'): InputFile => ({
  path,
  bytes: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01),
});

export const textAsPng = (path = 'notes.png'): InputFile => ({ path, bytes: strToU8('<!DOCTYPE html><html><body>404 Not Found</body></html>') });

export const svgFile = (path = 'logo.svg'): InputFile => ({
  path,
  bytes: strToU8('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'),
});

/** A structurally complete PNG whose IHDR claims width × height (the pixels are not there). */
export function pngClaimingSize(path: string, width: number, height: number): InputFile {
  return {
    path,
    bytes: concatBytes([
      PNG_SIGNATURE,
      pngChunk('IHDR', ihdr(width, height, 1)),
      pngChunk('IDAT', zlibSync(new Uint8Array(0))),
      pngChunk('IEND', new Uint8Array(0)),
    ]),
  };
}

/** A minimal JPEG header: SOI, APP0 (JFIF), SOF0 with the size, SOS, EOI. Enough for header readers only. */
export function jpegHeader(width: number, height: number, sof = 0xc0): Uint8Array {
  return Uint8Array.of(
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, sof, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
    0xff, 0xd9,
  );
}

export function gifHeader(width: number, height: number): Uint8Array {
  return Uint8Array.of(0x47, 0x49, 0x46, 0x38, 0x39, 0x61, width & 0xff, width >> 8, height & 0xff, height >> 8, 0x00, 0x00, 0x00, 0x3b);
}

/**
 * A GIF whose logical screen is screenW × screenH, with a two-colour table, a graphic control
 * extension and one frame of frameW × frameH (its pixel data a stub).
 */
export function gifWithFrame(screenW: number, screenH: number, frameW: number, frameH: number): Uint8Array {
  const le = (v: number): number[] => [v & 0xff, v >> 8];
  return Uint8Array.of(
    ...strToU8('GIF89a'), ...le(screenW), ...le(screenH), 0x80, 0x00, 0x00,
    0, 0, 0, 255, 255, 255,
    0x21, 0xf9, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x2c, ...le(0), ...le(0), ...le(frameW), ...le(frameH), 0x00,
    0x02, 0x02, 0x4c, 0x01, 0x00,
    0x3b,
  );
}

/** A complete 24-bit BMP of grey level `value`; negative height stores rows top-down. */
export function bmp(width: number, height: number, value = 128): Uint8Array {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const rows = Math.abs(height);
  const out = new Uint8Array(54 + stride * rows);
  const view = new DataView(out.buffer);
  out.set([0x42, 0x4d]);
  view.setUint32(2, out.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  for (let y = 0; y < rows; y++) out.fill(value, 54 + y * stride, 54 + y * stride + width * 3);
  return out;
}

/** RIFF/WEBP container around a chunk whose header says width × height, in each of the three layouts. */
export function webpHeader(kind: 'VP8 ' | 'VP8L' | 'VP8X', width: number, height: number): Uint8Array {
  const payload = new Uint8Array(10);
  if (kind === 'VP8 ') {
    payload.set([0x9d, 0x01, 0x2a], 3);
    payload[6] = width & 0xff;
    payload[7] = (width >> 8) & 0x3f;
    payload[8] = height & 0xff;
    payload[9] = (height >> 8) & 0x3f;
  } else if (kind === 'VP8L') {
    const bits = (width - 1) | ((height - 1) << 14);
    payload.set([0x2f, bits & 0xff, (bits >>> 8) & 0xff, (bits >>> 16) & 0xff, (bits >>> 24) & 0xff]);
  } else {
    payload.set([(width - 1) & 0xff, ((width - 1) >> 8) & 0xff, ((width - 1) >> 16) & 0xff], 4);
    payload.set([(height - 1) & 0xff, ((height - 1) >> 8) & 0xff, ((height - 1) >> 16) & 0xff], 7);
  }
  const out = new Uint8Array(20 + payload.length);
  const view = new DataView(out.buffer);
  out.set(strToU8('RIFF'));
  view.setUint32(4, out.length - 8, true);
  out.set(strToU8(`WEBP${kind}`), 8);
  view.setUint32(16, payload.length, true);
  out.set(payload, 20);
  return out;
}

/** A zip of `files`, paths as given. */
export function zipOf(files: InputFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.path, f.bytes])));
}

/** A real zip with bytes flipped in the middle and its end record cut off. */
export function corruptedZip(path = 'broken.zip'): InputFile {
  const good = zipOf(shapesFolder({ perClass: 2, seed: 9 }));
  const bad = good.slice(0, Math.floor(good.length * 0.6));
  for (let i = 40; i < 60; i++) bad[i] ^= 0xff;
  return { path, bytes: bad };
}

/** outer.zip ⊃ middle.zip ⊃ inner.zip ⊃ … `levels` zips deep, the innermost holding `files`. */
export function nestedZips(levels: number, files: InputFile[]): InputFile {
  let current = zipOf(files);
  for (let level = levels - 1; level >= 1; level--) current = zipOf([{ path: `level${level + 1}.zip`, bytes: current }]);
  return { path: 'level1.zip', bytes: current };
}

const idxBytes = (dims: number[], data: Uint8Array): Uint8Array => new Uint8Array(encodeIdx(dims, data));

/** n grey images of side × side (pixel values from the index) and their labels. */
export function idxPair(n: number, side = 4, prefix = 'train', classes = 3): InputFile[] {
  const pixels = Uint8Array.from({ length: n * side * side }, (_, i) => (i * 7) % 256);
  const labels = Uint8Array.from({ length: n }, (_, i) => i % classes);
  return [
    { path: `${prefix}-images-idx3-ubyte`, bytes: idxBytes([n, side, side], pixels) },
    { path: `${prefix}-labels-idx1-ubyte`, bytes: idxBytes([n], labels) },
  ];
}

/** An IDX images file whose magic number is wrong (a float32 type code is fine, 0x12 is not). */
export function idxWrongMagic(path = 'bad-images-idx3-ubyte'): InputFile {
  const bytes = idxPair(2)[0].bytes.slice();
  bytes.set([0x12, 0x34, 0x08, 0x03]);
  return { path, bytes };
}

/** An IDX images file cut in the middle of its pixels. */
export function idxTruncated(path = 'cut-images-idx3-ubyte'): InputFile {
  const bytes = idxPair(5)[0].bytes;
  return { path, bytes: bytes.slice(0, bytes.length - 10) };
}

export const csvFile = (path: string, text: string): InputFile => ({ path, bytes: strToU8(text) });

/** A ustar archive of `files` (names up to 100 bytes; longer ones use a GNU 'L' long-name entry). */
export function tarOf(files: InputFile[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  const header = (name: string, size: number, type: string): Uint8Array => {
    const h = new Uint8Array(512);
    const put = (text: string, at: number): void => h.set(strToU8(text), at);
    h.set(strToU8(name).subarray(0, 100), 0);
    put('0000644\0', 100);
    put('0000000\0', 108);
    put('0000000\0', 116);
    put(`${size.toString(8).padStart(11, '0')}\0`, 124);
    put('00000000000\0', 136);
    put(type, 156);
    put('ustar\0', 257);
    put('00', 263);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
    put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    return h;
  };
  const padded = (data: Uint8Array): Uint8Array => {
    const out = new Uint8Array(Math.ceil(data.length / 512) * 512);
    out.set(data);
    return out;
  };
  for (const f of files) {
    const name = strToU8(f.path);
    if (name.length > 100) {
      const longName = concatBytes([name, new Uint8Array(1)]);
      blocks.push(header('././@LongLink', longName.length, 'L'), padded(longName));
    }
    blocks.push(header(f.path, f.bytes.length, '0'), padded(f.bytes));
  }
  blocks.push(new Uint8Array(1024));
  return concatBytes(blocks);
}

/**
 * Decides what a dropped file is. Images, archives and binary dataset formats are recognised by
 * their first bytes (magic numbers), never by extension alone: downloads get renamed, error pages
 * get saved as 'photo.jpg', and a wrong guess would surface later as a baffling decode error.
 * Extensions only decide among text formats (CSV/TSV) and route a file that claims to be a
 * dataset format to its parser, whose message then says exactly what is wrong with it.
 * Files that cannot be used carry a `problem` sentence naming the file and what to do.
 */
import type { ImageKind } from './types';
import { extensionOf, fileNameOf, isJunkPath } from './paths';

export type FileKind =
  | { kind: 'image'; image: ImageKind }
  | { kind: 'zip' }
  /** gzip-compressed; what is inside is decided after decompressing (e.g. an IDX file, or a tar). */
  | { kind: 'gzip' }
  | { kind: 'tar' }
  | { kind: 'idx' }
  | { kind: 'npy' }
  | { kind: 'table' }
  | { kind: 'cifar' }
  /** OS junk (.DS_Store, __MACOSX/…): skipped without a problem. */
  | { kind: 'ignored' }
  | { kind: 'svg'; problem: string }
  | { kind: 'empty'; problem: string }
  | { kind: 'unknown'; problem: string };

/** Bytes of one CIFAR-10 binary record: a label byte and a 32 × 32 × 3 image. */
export const CIFAR_RECORD_BYTES = 3073;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
// BITMAPCOREHEADER, BITMAPINFOHEADER and its later versions: 'BM' alone is too weak a signature.
const BMP_DIB_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);
// IDX element types (unsigned byte … float64); the parser rejects all but unsigned byte with its own message.
const IDX_TYPES = new Set([0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e]);
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jpe', 'jfif', 'gif', 'webp', 'bmp', 'dib']);
const TABLE_EXTENSIONS = new Set(['csv', 'tsv', 'txt', 'tab']);
const IDX_NAME = /(idx\d-ubyte|\.idx\d?|-ubyte)$/i;
const SUPPORTED = 'PNG, JPEG, WebP, GIF or BMP images, .zip/.tar archives of them, or MNIST IDX, CIFAR-10 .bin, CSV/TSV or .npy files';

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** The image format named by the first bytes, or null. */
export function imageKindOf(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, PNG_MAGIC)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  const head = ascii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (head.startsWith('BM') && bytes.length >= 26) {
    const dib = bytes[14] | (bytes[15] << 8) | (bytes[16] << 16) | (bytes[17] << 24);
    if (BMP_DIB_SIZES.has(dib)) return 'bmp';
  }
  return null;
}

export function isZip(bytes: Uint8Array): boolean {
  // A local file header, or the end-of-directory record an empty zip consists of.
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

export function isTar(bytes: Uint8Array): boolean {
  // POSIX ustar and GNU tar both put 'ustar' at offset 257 of the first 512-byte header.
  return bytes.length >= 512 && ascii(bytes, 257, 262) === 'ustar';
}

function isIdx(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0 && bytes[1] === 0 && IDX_TYPES.has(bytes[2]) && bytes[3] >= 1 && bytes[3] <= 4;
}

/**
 * True when the first 4 KB read as text: no NUL byte and almost no control characters. UTF-8
 * passes (its multi-byte sequences are ≥ 0x80); UTF-16 does not (every other byte is NUL).
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control * 100 <= end;
}

function isUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** The first characters of a text file, quoted, so the user sees what it really is (often an HTML error page). */
function textSnippet(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes.subarray(0, 200)).replace(/\s+/g, ' ').trim();
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function isSvgText(bytes: Uint8Array): boolean {
  if (!looksLikeText(bytes)) return false;
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return (head.startsWith('<?xml') || head.startsWith('<svg') || head.startsWith('<!--')) && head.includes('<svg');
}

/** Formats that are recognisable but not readable here, with what to do instead. */
function knownUnsupported(path: string, bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return `${path} is a TIFF image, which browsers cannot decode — convert it to PNG`;
  }
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) {
      return `${path} is a HEIC/HEIF image (the iPhone photo format), which is not read here — export it as JPEG or PNG`;
    }
    if (/^avi[fs]$/.test(brand)) return `${path} is an AVIF image, which is not read here — convert it to PNG or WebP`;
  }
  if (ascii(bytes, 0, 4) === 'Rar!' || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) {
    return `${path} is a RAR or 7-Zip archive; only .zip and .tar archives are opened — extract it, or re-pack it as .zip`;
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return `${path} is a PDF document, not an image — export its pages as PNG`;
  return null;
}

function cifarSizeProblem(path: string, size: number): string {
  const hint =
    size % (CIFAR_RECORD_BYTES + 1) === 0
      ? 'it looks like CIFAR-100 (two label bytes per record), which is not supported'
      : 'use the binary version of CIFAR-10 (cifar-10-binary.tar.gz)';
  return `${path} is ${size} bytes, not a whole number of ${CIFAR_RECORD_BYTES}-byte CIFAR-10 records — ${hint}`;
}

/** What `bytes` (dropped as `path`) is; see FileKind. */
export function sniffFile(path: string, bytes: Uint8Array): FileKind {
  if (isJunkPath(path)) return { kind: 'ignored' };
  if (bytes.length === 0) {
    return { kind: 'empty', problem: `${path} is an empty file (0 bytes) — the copy or download probably failed` };
  }
  const image = imageKindOf(bytes);
  if (image) return { kind: 'image', image };
  if (isZip(bytes)) return { kind: 'zip' };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { kind: 'gzip' };
  if (startsWith(bytes, NPY_MAGIC)) return { kind: 'npy' };
  const ext = extensionOf(path);
  const name = fileNameOf(path);
  // Before the IDX check: a batch whose first label and pixels happen to be 0 0 8 3 is still CIFAR.
  if (ext === 'bin' && bytes.length % CIFAR_RECORD_BYTES === 0) return { kind: 'cifar' };
  if (isIdx(bytes)) return { kind: 'idx' };
  if (isTar(bytes)) return { kind: 'tar' };
  if (ext === 'bin') return { kind: 'unknown', problem: cifarSizeProblem(path, bytes.length) };
  if (ext === 'svg' || ext === 'svgz' || isSvgText(bytes)) {
    return { kind: 'svg', problem: `${path} is a vector image (SVG), which is not loaded — export it as PNG` };
  }
  const unsupported = knownUnsupported(path, bytes);
  if (unsupported) return { kind: 'unknown', problem: unsupported };
  // Claims to be a dataset format without its magic number: let the parser explain what is wrong.
  if (ext === 'npy') return { kind: 'npy' };
  if (IDX_NAME.test(name)) return { kind: 'idx' };

  if (TABLE_EXTENSIONS.has(ext)) {
    if (looksLikeText(bytes)) return { kind: 'table' };
    const why = isUtf16(bytes) ? 'it is UTF-16 text — save it as UTF-8 CSV' : 'it is not text — tables must be CSV or TSV text';
    return { kind: 'unknown', problem: `${path} could not be read as a table: ${why}` };
  }
  if (IMAGE_EXTENSIONS.has(ext)) {
    const what = looksLikeText(bytes)
      ? `it starts with text: ${textSnippet(bytes)}`
      : 'its content is not PNG, JPEG, WebP, GIF or BMP';
    return {
      kind: 'unknown',
      problem: `${path} is not an image (${what}) — it may be a renamed file or a saved error page; download it again`,
    };
  }
  return { kind: 'unknown', problem: `${path} is not a file type this app reads — drop ${SUPPORTED}` };
}

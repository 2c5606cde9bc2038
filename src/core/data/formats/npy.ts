/**
 * NumPy .npy files (numpy.save) → typed arrays and Datasets.
 *
 * Format: the magic '\x93NUMPY', a version byte pair (1.0, 2.0 or 3.0), a little-endian header
 * length (uint16 for v1, uint32 for v2/v3), then a Python dict literal such as
 * {'descr': '<f4', 'fortran_order': False, 'shape': (70000, 784), } and the raw C-order body.
 *
 * Accepted dtypes: <f4 <f8 (→ Float32Array), <i1..<i8 <u1..<u8 |i1 |u1 |b1 (→ Int32Array).
 * Rejected, each with a message saying how to re-save: big-endian ('>') multi-byte types,
 * fortran_order True (the body would be read transposed), structured / string / object / complex /
 * float16 dtypes, 64-bit or uint32 values outside the int32 range (rather than silently wrapping),
 * a missing magic, an unknown version, and a truncated header or body. Assumes a little-endian host
 * only for the float32 fast path, which is guarded.
 */
import type { Dataset } from '../dataset';
import { baseName, DEFAULT_K_UNLABELLED, remapIntegerLabels } from './labels';

export interface Npy {
  shape: number[];
  /** Float32Array for float dtypes, Int32Array for integer and bool dtypes. */
  data: Float32Array | Int32Array;
  /** The descr from the header, e.g. '<f4'. */
  dtype: string;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const SIZES: Record<string, number> = { f4: 4, f8: 8, i1: 1, i2: 2, i4: 4, i8: 8, u1: 1, u2: 2, u4: 4, u8: 8, b1: 1 };

const shapeText = (shape: number[]): string => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;

/** Parses a .npy file. `what` names the file in error messages. */
export function parseNpy(bytes: Uint8Array, what = 'NPY file'): Npy {
  if (bytes.length === 0) throw new Error(`${what} is empty (0 bytes) — the download or copy probably failed`);
  if (bytes.length < 6 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error(`${what} is not a .npy file (it does not start with \\x93NUMPY) — save arrays with numpy.save`);
  }
  if (bytes.length < 10) throw new Error(`${what}: truncated header, the file ends after ${bytes.length} bytes`);
  const major = bytes[6];
  const minor = bytes[7];
  if (major < 1 || major > 3) {
    throw new Error(`${what}: .npy version ${major}.${minor} is not supported, expected 1.0, 2.0 or 3.0 — re-save with numpy.save`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = major === 1 ? 10 : 12;
  if (bytes.length < start) throw new Error(`${what}: truncated header, the file ends after ${bytes.length} bytes`);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (bytes.length < start + headerLen) {
    throw new Error(`${what}: truncated header, expected ${start + headerLen} bytes, the file has ${bytes.length} — fetch it again`);
  }
  const headerBytes = bytes.subarray(start, start + headerLen);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(headerBytes);

  const malformed = (key: string): Error =>
    new Error(`${what}: header has no readable '${key}' (${JSON.stringify(header.trim().slice(0, 120))}) — re-save with numpy.save`);
  if (/['"]descr['"]\s*:\s*\[/.test(header)) {
    throw new Error(`${what}: structured dtypes (record arrays) are not supported — save a plain numeric array`);
  }
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(header)?.[1];
  if (descr === undefined) throw malformed('descr');
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(header)?.[1];
  if (fortran === undefined) throw malformed('fortran_order');
  const shapeMatch = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header);
  if (!shapeMatch) throw malformed('shape');
  const parts = shapeMatch[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.some((s) => !/^\d+L?$/.test(s))) throw malformed('shape');
  const shape = parts.map((s) => parseInt(s, 10));

  if (fortran === 'True') {
    throw new Error(`${what}: Fortran-order (column-major) arrays are not supported — save np.ascontiguousarray(x) instead`);
  }
  const order = descr[0];
  const code = descr.slice(1);
  const size = SIZES[code];
  if (size === undefined || !'<>|='.includes(order)) {
    throw new Error(`${what}: dtype '${descr}' is not supported — save as float32 (x.astype('float32')) or an integer type`);
  }
  if (order === '>' && size > 1) {
    throw new Error(`${what}: big-endian dtype '${descr}' is not supported — save x.astype('<${code}') instead`);
  }

  const count = shape.reduce((a, b) => a * b, 1);
  const offset = start + headerLen;
  const need = count * size;
  if (bytes.length - offset < need) {
    throw new Error(
      `${what}: truncated data, shape ${shapeText(shape)} of ${descr} needs ${need} bytes, ` +
        `found ${bytes.length - offset} — fetch it again`,
    );
  }

  if (code === 'f4' && LITTLE_ENDIAN_HOST) {
    // slice() copies into a fresh, aligned buffer (the body may start at any offset in `bytes`).
    return { shape, dtype: descr, data: new Float32Array(bytes.slice(offset, offset + need).buffer) };
  }
  if (code === 'f4' || code === 'f8') {
    const data = new Float32Array(count);
    for (let i = 0, p = offset; i < count; i++, p += size) data[i] = size === 4 ? view.getFloat32(p, true) : view.getFloat64(p, true);
    return { shape, dtype: descr, data };
  }

  const data = new Int32Array(count);
  const outOfRange = (i: number, v: number): Error =>
    new Error(
      `${what}: value ${v} at flat index ${i} does not fit in int32 — save features as float32 (x.astype('float32')) ` +
        'or labels as small class ids',
    );
  for (let i = 0, p = offset; i < count; i++, p += size) {
    switch (code) {
      case 'b1':
      case 'u1':
        data[i] = bytes[p];
        break;
      case 'i1':
        data[i] = view.getInt8(p);
        break;
      case 'i2':
        data[i] = view.getInt16(p, true);
        break;
      case 'u2':
        data[i] = view.getUint16(p, true);
        break;
      case 'i4':
        data[i] = view.getInt32(p, true);
        break;
      case 'u4': {
        const v = view.getUint32(p, true);
        if (v > 0x7fffffff) throw outOfRange(i, v);
        data[i] = v;
        break;
      }
      default: {
        // i8 / u8: read as two 32-bit halves; the value fits when the high half is only sign extension.
        const lo = view.getUint32(p, true);
        const hi = code === 'i8' ? view.getInt32(p + 4, true) : view.getUint32(p + 4, true);
        const fits = (hi === 0 && lo <= 0x7fffffff) || (code === 'i8' && hi === -1 && lo >= 0x80000000);
        if (!fits) throw outOfRange(i, hi * 4294967296 + lo);
        data[i] = lo | 0;
      }
    }
  }
  return { shape, dtype: descr, data };
}

/**
 * Builds a Dataset from x.npy and an optional y.npy. x is 2-D (n × d features, used as is) or
 * 3-D / 4-D images (n × h × w, or n × h × w × c with c = 1 or 3, channels last): uint8 images are
 * scaled by 1/255, other image dtypes must already lie in [0, 1]. y is 1-D of length n (n × 1 is
 * accepted too) holding whole numbers, remapped to 0-based ids in ascending order of value.
 * NaN or infinite values in x are rejected (fill or drop them first).
 */
export function datasetFromNpy(x: Uint8Array, y?: Uint8Array, name?: string): Dataset {
  const xName = name ? `'${name}'` : 'x.npy';
  const arr = parseNpy(x, xName);
  const { shape } = arr;
  const isImage = shape.length === 3 || shape.length === 4;
  if (shape.length !== 2 && !isImage) {
    const hint = shape.length === 1 ? ' (a 1-D array looks like labels: pass it as y)' : '';
    throw new Error(`${xName} has shape ${shapeText(shape)}; expected 2-D (n × features) or 3-D / 4-D images (n × h × w [× c])${hint}`);
  }
  const n = shape[0];
  const dim = shape.slice(1).reduce((a, b) => a * b, 1);
  if (n === 0 || dim === 0) throw new Error(`${xName} has shape ${shapeText(shape)}, which holds no values`);

  let image: Dataset['image'];
  if (isImage) {
    const channels = shape.length === 4 ? shape[3] : 1;
    if (channels !== 1 && channels !== 3) {
      const channelsFirst = shape[1] === 1 || shape[1] === 3;
      const hint = channelsFirst
        ? ' — this looks channels-first; save np.transpose(x, (0, 2, 3, 1))'
        : ' — expected 1 (grey) or 3 (RGB)';
      throw new Error(`${xName} has shape ${shapeText(shape)}: images need channels last, ${channels} channels found${hint}`);
    }
    image = { width: shape[2], height: shape[1], channels };
  }

  const isByte = arr.dtype.endsWith('u1');
  const out = new Float32Array(n * dim);
  const src = arr.data;
  const scale = isImage && isByte ? 1 / 255 : 1;
  for (let i = 0; i < out.length; i++) {
    const v = src[i] * scale;
    if (!Number.isFinite(v) || (isImage && (v < 0 || v > 1))) {
      const at = `${xName}[${Math.floor(i / dim)}, ${i % dim}] (row, flat feature)`;
      if (!Number.isFinite(v)) throw new Error(`${at} is ${src[i]} — fill in or drop missing values before loading`);
      throw new Error(
        `${at} is ${src[i]}: image values must be uint8 (0..255) or floats in [0, 1] — divide by 255 or save as uint8`,
      );
    }
    out[i] = v;
  }

  const fileName = name ?? 'x.npy';
  const dataset: Dataset = {
    id: `file:${fileName}`,
    name: name ? baseName(name) : 'NumPy array',
    n,
    dim,
    x: out,
    numClasses: DEFAULT_K_UNLABELLED,
    ...(image ? { image } : {}),
  };
  if (!y) return dataset;

  const lab = parseNpy(y, 'y.npy');
  const ls = lab.shape;
  if (!((ls.length === 1 && ls[0] === n) || (ls.length === 2 && ls[0] === n && ls[1] === 1))) {
    throw new Error(`y.npy has shape ${shapeText(ls)}, expected (${n},) — one label per row of ${xName}`);
  }
  for (let i = 0; i < n; i++) {
    const v = lab.data[i];
    if (!Number.isInteger(v)) {
      throw new Error(`y.npy[${i}] is ${v}, not a whole number — labels must be class ids (e.g. y.astype('int64'))`);
    }
  }
  const { labels, classNames } = remapIntegerLabels(lab.data);
  return { ...dataset, labels, classNames, numClasses: classNames.length };
}

/**
 * The IDX format (LeCun & Cortes, MNIST): a 4-byte magic 0x00 0x00 <type> <ndims>, then ndims
 * big-endian uint32 sizes, then the row-major body. Only type 0x08 (unsigned byte) is supported,
 * which is what MNIST-style image and label files use (0x00000803 images, 0x00000801 labels).
 */
export interface Idx {
  dims: number[];
  data: Uint8Array;
}

const UBYTE = 0x08;
const TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};

const hex = (v: number): string => '0x' + (v >>> 0).toString(16).padStart(8, '0');

/** Parses an unsigned-byte IDX file. `data` is a view into `buf` (no copy). */
export function parseIdx(buf: ArrayBuffer): Idx {
  if (buf.byteLength < 4) {
    throw new Error(`IDX: file is ${buf.byteLength} bytes, expected at least a 4-byte magic number`);
  }
  const view = new DataView(buf);
  const magic = view.getUint32(0, false);
  const type = (magic >>> 8) & 0xff;
  const ndims = magic & 0xff;
  if (magic >>> 16 !== 0 || !(type in TYPE_NAMES) || ndims === 0) {
    throw new Error(`IDX: wrong magic number ${hex(magic)}, expected 0x00000801 (labels) or 0x00000803 (images)`);
  }
  if (type !== UBYTE) {
    throw new Error(`IDX: unsupported element type ${TYPE_NAMES[type]} (${hex(magic)}), expected unsigned byte (0x08)`);
  }
  const headerBytes = 4 + 4 * ndims;
  if (buf.byteLength < headerBytes) {
    throw new Error(`IDX: truncated header, expected ${headerBytes} bytes for ${ndims} dims, found ${buf.byteLength}`);
  }
  const dims: number[] = [];
  for (let i = 0; i < ndims; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const bodyBytes = dims.reduce((a, b) => a * b, 1);
  const found = buf.byteLength - headerBytes;
  if (found < bodyBytes) {
    throw new Error(`IDX: truncated body, expected ${bodyBytes} bytes for dims [${dims.join(', ')}], found ${found}`);
  }
  return { dims, data: new Uint8Array(buf, headerBytes, bodyBytes) };
}

/** Writes an unsigned-byte IDX file (tests, and exporting a subset in the same format). */
export function encodeIdx(dims: readonly number[], data: Uint8Array): ArrayBuffer {
  const bodyBytes = dims.reduce((a, b) => a * b, 1);
  if (data.length !== bodyBytes) {
    throw new Error(`IDX: data has ${data.length} bytes, dims [${dims.join(', ')}] need ${bodyBytes}`);
  }
  const headerBytes = 4 + 4 * dims.length;
  const out = new ArrayBuffer(headerBytes + bodyBytes);
  const view = new DataView(out);
  view.setUint32(0, (UBYTE << 8) | dims.length, false);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  new Uint8Array(out, headerBytes).set(data);
  return out;
}

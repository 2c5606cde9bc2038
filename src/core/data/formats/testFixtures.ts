/** Byte-level fixture builders shared by the format parsers' tests (never imported by app code). */

/** gzip via the standard CompressionStream, as a browser or `gzip` would produce. */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface NpyFixture {
  descr: string;
  shape: number[];
  /** The raw body bytes, little-endian unless the descr says otherwise. */
  body: Uint8Array;
  version?: 1 | 2 | 3;
  fortran?: boolean;
  /** Overrides the whole header dict text. */
  header?: string;
}

/** Writes a .npy file the way numpy.save does: header padded with spaces to a 64-byte boundary, ending in '\n'. */
export function encodeNpy(f: NpyFixture): Uint8Array {
  const version = f.version ?? 1;
  const shape = `(${f.shape.join(', ')}${f.shape.length === 1 ? ',' : ''})`;
  const dict = f.header ?? `{'descr': '${f.descr}', 'fortran_order': ${f.fortran ? 'True' : 'False'}, 'shape': ${shape}, }`;
  const pre = version === 1 ? 10 : 12;
  const total = Math.ceil((pre + dict.length + 1) / 64) * 64;
  const header = dict.padEnd(total - pre - 1, ' ') + '\n';
  const out = new Uint8Array(total + f.body.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  out.set(new TextEncoder().encode(header), pre);
  out.set(f.body, total);
  return out;
}

/** Little-endian bytes of a typed array's values. */
export function leBytes(values: ArrayLike<number>, type: 'f4' | 'f8' | 'i2' | 'i4' | 'u4' | 'i8' | 'u8'): Uint8Array {
  const size = type.endsWith('8') ? 8 : type.endsWith('4') ? 4 : 2;
  const out = new Uint8Array(values.length * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const p = i * size;
    if (type === 'f4') view.setFloat32(p, v, true);
    else if (type === 'f8') view.setFloat64(p, v, true);
    else if (type === 'i2') view.setInt16(p, v, true);
    else if (type === 'i4') view.setInt32(p, v, true);
    else if (type === 'u4') view.setUint32(p, v, true);
    else if (type === 'i8') view.setBigInt64(p, BigInt(v), true);
    else view.setBigUint64(p, BigInt(v), true);
  }
  return out;
}

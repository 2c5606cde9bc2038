/**
 * Test-only zip writer that writes exactly what it is told, including what real tools get wrong
 * or attackers fake: a declared size that is not the real one, an entry count that wrapped at
 * 65,536, already-compressed data. fflate's zipSync always writes correct zips, so it cannot
 * build these. Format: PKWARE APPNOTE 4.3 (local headers, central directory, end record).
 */
import { strToU8 } from 'fflate';
import { concatBytes } from '../encodePng';

export interface RawEntry {
  name: string;
  /** The bytes stored in the zip: raw for method 0, raw deflate for method 8. */
  data: Uint8Array;
  /** 0 = stored (default), 8 = deflate. */
  method?: number;
  /** The uncompressed size written in the headers (defaults to data's length). */
  size?: number;
  /** The CRC-32 written in the headers (defaults to that of data; nothing here checks it). */
  crc?: number;
  flags?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function record(fields: [number, 2 | 4][], name: Uint8Array): Uint8Array {
  const head = new Uint8Array(fields.reduce((s, [, w]) => s + w, 0));
  const view = new DataView(head.buffer);
  let at = 0;
  for (const [value, width] of fields) {
    if (width === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += width;
  }
  return concatBytes([head, name]);
}

/** A zip of `entries` in order; `claimedCount` overrides the end record's 16-bit entry count. */
export function writeZip(entries: RawEntry[], claimedCount?: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const method = e.method ?? 0;
    const size = e.size ?? e.data.length;
    const crc = e.crc ?? (method === 0 ? crc32(e.data) : 0);
    const flags = (e.flags ?? 0) | 0x800; // UTF-8 names
    const local = record(
      [[0x04034b50, 4], [20, 2], [flags, 2], [method, 2], [0, 2], [0x21, 2], [crc, 4], [e.data.length, 4], [size, 4], [name.length, 2], [0, 2]],
      name,
    );
    central.push(
      record(
        [
          [0x02014b50, 4], [20, 2], [20, 2], [flags, 2], [method, 2], [0, 2], [0x21, 2], [crc, 4], [e.data.length, 4], [size, 4],
          [name.length, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4],
        ],
        name,
      ),
    );
    parts.push(local, e.data);
    offset += local.length + e.data.length;
  }
  const directory = concatBytes(central);
  const count = (claimedCount ?? entries.length) & 0xffff;
  const end = record([[0x06054b50, 4], [0, 2], [0, 2], [count, 2], [count, 2], [directory.length, 4], [offset, 4], [0, 2]], new Uint8Array(0));
  return concatBytes([...parts, directory, end]);
}

/**
 * Reads a zip's central directory (PKWARE APPNOTE 4.3): the list of entries with their names,
 * compression, sizes and where their data lies. Nothing is decompressed here.
 *
 * The directory is walked record by record to its end instead of trusting the entry count in
 * the end record: that count has 16 bits, and tools that predate Zip64 let it wrap, so a zip of
 * 66,000 files claims 464 (`unzip` reads them all, and so does this). Zip64 records are read for
 * archives and entries past 4 GiB. Throws an Error saying why when the zip cannot be read at all.
 */

export interface ZipEntry {
  /** As stored, decoded: UTF-8 when flagged or valid, else Latin-1. */
  name: string;
  /** General-purpose flags: bit 0 = encrypted, bit 11 = UTF-8 name. */
  flags: number;
  /** 0 = stored, 8 = deflate; others are not read here. */
  method: number;
  compressedSize: number;
  /** The size the directory declares once decompressed. */
  size: number;
  localHeaderOffset: number;
}

const END = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** A field holding this says "the value is in the Zip64 extra field". */
const ZIP64_MARK = 0xffffffff;

const u16 = (b: Uint8Array, p: number): number => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number): number => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, p: number): number => u32(b, p) + u32(b, p + 4) * 2 ** 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Zip tools that predate the UTF-8 flag (macOS Archive Utility among them) still write UTF-8
 * names, so a name that is valid UTF-8 is read as such; a genuine Latin-1 or CP437 name with
 * accents almost never is, and is read byte by byte.
 */
function decodeName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    let s = '';
    for (const byte of bytes) s += String.fromCharCode(byte);
    return s;
  }
}

/** Offset of the end-of-central-directory record (searched backwards over a possible comment). */
function findEnd(b: Uint8Array): number {
  const last = Math.max(0, b.length - 22 - MAX_COMMENT);
  for (let at = b.length - 22; at >= last; at--) if (u32(b, at) === END) return at;
  throw new Error('no end-of-directory record');
}

/** Where the central directory starts and how many entries it claims (from the Zip64 record when there is one). */
function directoryStart(b: Uint8Array, end: number): { offset: number; count: number } {
  if (end >= 20 && u32(b, end - 20) === ZIP64_LOCATOR) {
    const z = u64(b, end - 12);
    if (z + 56 <= b.length && u32(b, z) === ZIP64_END) return { offset: u64(b, z + 48), count: u64(b, z + 32) };
  }
  return { offset: u32(b, end + 16), count: u16(b, end + 10) };
}

/** Reads the sizes and offset that a record marks as 0xffffffff from its Zip64 extra field (id 1). */
function applyZip64(b: Uint8Array, extraStart: number, extraEnd: number, entry: ZipEntry): void {
  for (let p = extraStart; p + 4 <= extraEnd; p += 4 + u16(b, p + 2)) {
    if (u16(b, p) !== 1) continue;
    // Only the marked fields are present, always in this order.
    let q = p + 4;
    if (entry.size === ZIP64_MARK) {
      entry.size = u64(b, q);
      q += 8;
    }
    if (entry.compressedSize === ZIP64_MARK) {
      entry.compressedSize = u64(b, q);
      q += 8;
    }
    if (entry.localHeaderOffset === ZIP64_MARK) entry.localHeaderOffset = u64(b, q);
    return;
  }
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Entries the end record claims (modulo 65,536 for old tools); more than were found means damage. */
  claimed: number;
}

export function readZipDirectory(b: Uint8Array): ZipDirectory {
  const end = findEnd(b);
  const { offset, count } = directoryStart(b, end);
  const entries: ZipEntry[] = [];
  for (let p = offset; p + 46 <= b.length && u32(b, p) === CENTRAL; ) {
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    const nameEnd = p + 46 + nameLength;
    if (nameEnd + extraLength > b.length) break;
    const entry: ZipEntry = {
      name: decodeName(b.subarray(p + 46, nameEnd)),
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      localHeaderOffset: u32(b, p + 42),
    };
    applyZip64(b, nameEnd, nameEnd + extraLength, entry);
    entries.push(entry);
    p = nameEnd + extraLength + commentLength;
  }
  if (entries.length === 0 && count > 0) throw new Error('its file directory cannot be read');
  return { entries, claimed: count };
}

/** The stored (maybe compressed) bytes of an entry, as a view; throws when they lie outside the zip. */
export function entryBytes(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > b.length || u32(b, at) !== LOCAL) throw new Error('its local header is missing');
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new Error('its data runs past the end of the zip');
  return b.subarray(start, end);
}

/**
 * Transparent gzip support for dropped files: `.gz` downloads (MNIST, Fashion-MNIST) are accepted
 * as-is. Detection is by content (the 1f 8b magic), never by file name, because browsers and
 * download tools sometimes decompress on the fly and keep the `.gz` suffix, or the reverse.
 * Decompression streams through fflate with a ceiling (see inflate.ts), so a small file that
 * expands to gigabytes is refused once it passes the limit instead of filling the memory.
 * A stream that starts like gzip but is truncated or corrupt is rejected rather than passed on,
 * since its bytes would otherwise surface later as a baffling "wrong magic number".
 */
import { expandsTooFar, inflateCapped, MAX_INFLATED_BYTES } from './inflate';

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A 10-byte header, the deflate data, and an 8-byte trailer. */
const GZIP_MIN_BYTES = 18;

const what = (name?: string): string => (name ? `'${name}'` : 'The file');

/**
 * Decompresses gzip `bytes`; null when they would expand past `limit` bytes. Throws an Error
 * naming the file when the stream is damaged or cut off. `name` only improves the message.
 */
export function gunzipCapped(bytes: Uint8Array, limit: number, name?: string): Uint8Array | null {
  // ISIZE, the last 4 bytes, is the size modulo 4 GiB: a hint for the buffer, never trusted.
  const declared = bytes.length >= 18 ? new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true) : 0;
  try {
    if (bytes.length < GZIP_MIN_BYTES) throw new Error(`${bytes.length} bytes is too short for gzip`);
    return inflateCapped(bytes, 'gzip', limit, declared);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `${what(name)} looks gzip-compressed but could not be decompressed (${why}) — the download may be incomplete; ` +
        'fetch it again or decompress it yourself and drop the result',
    );
  }
}

/**
 * Decompresses `bytes` if they are gzip, else returns them unchanged (same object, no copy).
 * Rejects damaged streams and streams that expand past `limit` bytes.
 */
export async function maybeGunzip(bytes: Uint8Array, name?: string, limit = MAX_INFLATED_BYTES): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const out = gunzipCapped(bytes, limit, name);
  if (!out) throw new Error(expandsTooFar(what(name), limit));
  return out;
}

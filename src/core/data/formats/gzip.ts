/**
 * Transparent gzip support for dropped files: `.gz` downloads (MNIST, Fashion-MNIST) are accepted
 * as-is. Detection is by content (the 1f 8b magic), never by file name, because browsers and
 * download tools sometimes decompress on the fly and keep the `.gz` suffix, or the reverse.
 * Uses the standard DecompressionStream (browsers, workers, Node ≥ 18), so no library is needed.
 * A stream that starts like gzip but is truncated or corrupt is rejected rather than passed on,
 * since its bytes would otherwise surface later as a baffling "wrong magic number".
 */

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses `bytes` if they are gzip, else returns them unchanged (same object, no copy).
 * `name` only improves the error message.
 */
export async function maybeGunzip(bytes: Uint8Array, name?: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  // Blob needs an ArrayBuffer-backed view (not a SharedArrayBuffer one); copy only if needed.
  const input: Uint8Array<ArrayBuffer> = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  try {
    const stream = new Blob([input]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    const what = name ? `'${name}'` : 'The file';
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `${what} looks gzip-compressed but could not be decompressed (${why}) — the download may be incomplete; ` +
        'fetch it again or decompress it yourself and drop the result',
    );
  }
}

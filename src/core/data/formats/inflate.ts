/**
 * Decompression with a ceiling. Zip entries and .gz files are inflated a few kilobytes at a time
 * with fflate's streaming API, and inflation stops as soon as the output passes its limit: a
 * decompression bomb (a few MB that expand to gigabytes) then costs at most that limit, never
 * the memory it would take whole.
 */
import { Gunzip, Inflate } from 'fflate';
import { formatCount } from '../ingest/text';

/**
 * The most one zip entry or .gz file may expand to (the CIFAR-10 tar inside its .tar.gz is
 * 184 MB, all of MNIST as a float32 .npy 220 MB).
 */
export const MAX_INFLATED_BYTES = 256_000_000;

/** Compressed bytes pushed at a time: deflate expands at most ~1,032-fold, so one step yields at most ~17 MB. */
const STEP = 16 * 1024;
const FIRST_BUFFER = 64 * 1024;

/**
 * Inflates raw deflate data (a zip entry) or a whole gzip file. Returns null as soon as the
 * output would pass `limit` bytes; throws fflate's Error when the data is damaged or cut off.
 * `sizeHint` (the size the container declares) only sizes the first output buffer.
 */
export function inflateCapped(data: Uint8Array, format: 'deflate' | 'gzip', limit: number, sizeHint = 0): Uint8Array | null {
  let out = new Uint8Array(Math.min(limit, Math.max(sizeHint, FIRST_BUFFER)));
  let size = 0;
  let over = false;
  const onData = (chunk: Uint8Array): void => {
    if (over) return;
    if (size + chunk.length > limit) {
      over = true;
      return;
    }
    if (size + chunk.length > out.length) {
      const grown = new Uint8Array(Math.min(limit, Math.max(out.length * 2, size + chunk.length)));
      grown.set(out.subarray(0, size));
      out = grown;
    }
    out.set(chunk, size);
    size += chunk.length;
  };
  const stream = format === 'gzip' ? new Gunzip(onData) : new Inflate(onData);
  for (let at = 0; !over; at += STEP) {
    const end = Math.min(at + STEP, data.length);
    stream.push(data.subarray(at, end), end === data.length);
    if (end === data.length) break;
  }
  if (over) return null;
  return size === out.length ? out : out.slice(0, size);
}

/** '256 MB': the limits are decimal megabytes. */
export const megabytes = (bytes: number): string => `${formatCount(Math.round(bytes / 1e6))} MB`;

/** The message for a file or entry refused because it would expand past `limit` bytes. */
export function expandsTooFar(what: string, limit: number): string {
  return (
    `${what} expands to more than ${megabytes(limit)} when decompressed, so it was not loaded — ` +
    'it may be a decompression bomb; if it is real data, extract it and drop a smaller part'
  );
}

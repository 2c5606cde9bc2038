/**
 * What one drop may still decompress: each zip entry and .gz file at most MAX_INFLATED_BYTES, and
 * all of them together at most MAX_DROP_INFLATED_BYTES. Only what is kept counts, so a refused
 * bomb costs its own entry and the rest of the drop still loads.
 */
import { expandsTooFar, MAX_INFLATED_BYTES, megabytes } from '../formats/inflate';
import { MAX_DROP_INFLATED_BYTES } from './types';

export class InflateBudget {
  /** Bytes inflated and kept so far. */
  used = 0;

  constructor(
    readonly totalBytes = MAX_DROP_INFLATED_BYTES,
    readonly entryBytes = MAX_INFLATED_BYTES,
  ) {}

  /** The most the next entry may expand to. */
  get limit(): number {
    return Math.max(0, Math.min(this.entryBytes, this.totalBytes - this.used));
  }

  spend(bytes: number): void {
    this.used += bytes;
  }

  /** Why `path` was refused when it would expand past `limit`. */
  refusal(path: string): string {
    if (this.totalBytes - this.used >= this.entryBytes) return expandsTooFar(path, this.entryBytes);
    return (
      `${path} was not decompressed: the archives in this drop expand to more than ${megabytes(this.totalBytes)} in all — ` +
      'drop fewer or smaller archives at a time'
    );
  }
}

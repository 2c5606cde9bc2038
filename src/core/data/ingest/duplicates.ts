/**
 * Exact-duplicate files (same bytes under two names, common when a folder and its zip are both
 * dropped, or after copying photos twice) are loaded once: a duplicate would otherwise count
 * double in the clustering and show up as a perfect nearest-neighbour pair.
 */
import { listSome, plural } from './text';

/** 32-bit FNV-1a over the bytes, mixed with the length. Fast, and exactness comes from the byte comparison after it. */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface Duplicate<T> {
  duplicate: T;
  original: T;
}

export interface Deduplicated<T> {
  kept: T[];
  duplicates: Duplicate<T>[];
}

/**
 * Keeps the first of each set of byte-identical files, in the given order. Only files that share
 * their length with another are hashed, so a drop without duplicates costs one pass over lengths.
 */
export function dropDuplicates<T extends { bytes: Uint8Array }>(files: T[]): Deduplicated<T> {
  const lengthCounts = new Map<number, number>();
  for (const f of files) lengthCounts.set(f.bytes.length, (lengthCounts.get(f.bytes.length) ?? 0) + 1);

  const seen = new Map<number, T[]>(); // hash → kept files with that hash
  const kept: T[] = [];
  const duplicates: Duplicate<T>[] = [];
  for (const f of files) {
    if ((lengthCounts.get(f.bytes.length) ?? 0) < 2) {
      kept.push(f);
      continue;
    }
    const h = fnv1a(f.bytes);
    const candidates = seen.get(h) ?? [];
    const original = candidates.find((c) => sameBytes(c.bytes, f.bytes));
    if (original) {
      duplicates.push({ duplicate: f, original });
      continue;
    }
    candidates.push(f);
    seen.set(h, candidates);
    kept.push(f);
  }
  return { kept, duplicates };
}

/** '3 duplicate files were skipped: b.png = a.png, …' */
export function duplicatesNotice(duplicates: Duplicate<{ path: string }>[]): string {
  const pairs = duplicates.map((d) => `${d.duplicate.path} = ${d.original.path}`);
  const verb = duplicates.length === 1 ? 'was' : 'were';
  return `${plural(duplicates.length, 'duplicate file')} ${verb} skipped (same content as a file that was kept): ${listSome(pairs)}`;
}

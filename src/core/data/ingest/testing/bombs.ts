/**
 * Test-only decompression bombs, built in milliseconds without ever holding what they expand to:
 * one megabyte of zeros is deflated once with a full flush (byte-aligned, self-contained,
 * about 1 KB), and that block is repeated. A gigabyte of zeros thus takes about 1 MB.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { concatBytes } from '../encodePng';
import type { InputFile } from '../types';
import { writeZip, type RawEntry } from './zipWriter';

const MIB = 1 << 20;
export const GIB = 1 << 30;

let megabyteOfZeros: Uint8Array | null = null;

/** Raw deflate data that expands to `mebibytes` MiB of zeros. */
export function deflatedZeros(mebibytes: number): Uint8Array {
  megabyteOfZeros ??= new Uint8Array(deflateRawSync(new Uint8Array(MIB), { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
  const finalEmptyBlock = Uint8Array.of(0x01, 0x00, 0x00, 0xff, 0xff);
  return concatBytes([...Array.from({ length: mebibytes }, () => megabyteOfZeros as Uint8Array), finalEmptyBlock]);
}

/** A zip entry of `bytes` zeros (a whole number of MiB) that declares `declaredSize` (default: the truth). */
export function zerosEntry(name: string, bytes: number, declaredSize = bytes): RawEntry {
  return { name, data: deflatedZeros(bytes / MIB), method: 8, size: declaredSize };
}

/**
 * The bomb: `entries` entries of 1 GiB of zeros each (about 1 MB apiece), next to `good`
 * files, under `path`. `lying`: the headers declare 1 KB per bomb entry instead of 1 GiB.
 */
export function zipBomb(path: string, good: InputFile[], entries = 6, lying = false): InputFile {
  const bombs = Array.from({ length: entries }, (_, i) => zerosEntry(`bomb-${i}.bin`, GIB, lying ? 1024 : GIB));
  return { path, bytes: writeZip([...bombs, ...good.map((f) => ({ name: f.path, data: f.bytes }))]) };
}

/** A .gz that expands to `mebibytes` MiB of zeros. */
export function gzipBomb(path: string, mebibytes: number): InputFile {
  const header = Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff);
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(4, (mebibytes * MIB) >>> 0, true); // ISIZE; the CRC is left 0
  return { path, bytes: concatBytes([header, deflatedZeros(mebibytes), trailer]) };
}

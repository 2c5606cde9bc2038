/**
 * Reads .tar archives (the inside of a .tar.gz once gunzipped), because the standard CIFAR-10
 * download is cifar-10-binary.tar.gz and asking people to extract it first is a needless step.
 * Understands POSIX ustar (with its name prefix), GNU long names ('L') and pax 'path' records;
 * links, devices and folders are skipped. Entries are views into the archive's bytes (no copy).
 */
import { archiveFolder, isJunkPath, normalisePath } from './paths';
import type { Expanded } from './zip';
import type { InputFile } from './types';

const BLOCK = 512;
const utf8 = new TextDecoder();

/** A NUL-terminated field of the header, as UTF-8. */
function field(b: Uint8Array, from: number, length: number): string {
  let end = from;
  while (end < from + length && b[end] !== 0) end++;
  return utf8.decode(b.subarray(from, end));
}

/** A size field: octal text, or GNU's base-256 binary (top bit set) for sizes of 8 GiB and more. */
function sizeField(b: Uint8Array, from: number, length: number): number {
  if (b[from] & 0x80) {
    let v = b[from] & 0x7f;
    for (let i = from + 1; i < from + length; i++) v = v * 256 + b[i];
    return v;
  }
  const text = field(b, from, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** The header checksum: the sum of its bytes with the checksum field itself counted as spaces. */
function checksumMatches(b: Uint8Array, at: number): boolean {
  const stored = sizeField(b, at + 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : b[at + i];
  return sum === stored;
}

/** The 'path' record of a pax extended header ("<len> path=<value>\n" records), if any. */
function paxPath(data: Uint8Array): string | null {
  const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(utf8.decode(data));
  return match ? match[1] : null;
}

/** The files of one tar archive, paths under the archive's name without '.tar' / '.tar.gz'. */
export function openTar(tar: InputFile): Expanded {
  const out: Expanded = { files: [], problems: [] };
  const b = tar.bytes;
  const folder = archiveFolder(tar.path);
  let nextName: string | null = null; // from a GNU long-name or pax header, for the entry that follows
  for (let at = 0; at + BLOCK <= b.length; ) {
    if (b.subarray(at, at + BLOCK).every((v) => v === 0)) break; // end-of-archive blocks
    if (!checksumMatches(b, at)) {
      out.problems.push({ path: tar.path, message: `${tar.path} is damaged (a tar header's checksum is wrong) — download it again` });
      break;
    }
    const size = sizeField(b, at + 124, 12);
    const type = String.fromCharCode(b[at + 156]);
    const prefix = field(b, at + 345, 155);
    const headerName = prefix ? `${prefix}/${field(b, at, 100)}` : field(b, at, 100);
    const start = at + BLOCK;
    if (start + size > b.length) {
      out.problems.push({
        path: tar.path,
        message: `${tar.path} ends in the middle of ${nextName ?? headerName} — the archive is incomplete; download it again`,
      });
      break;
    }
    const data = b.subarray(start, start + size);
    at = start + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      nextName = field(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      nextName = paxPath(data) ?? nextName;
      continue;
    }
    const name = nextName ?? headerName;
    nextName = null;
    const isRegularFile = type === '0' || type === '\0' || type === '7';
    if (!isRegularFile || isJunkPath(name)) continue;
    out.files.push({ path: `${folder}/${normalisePath(name)}`, bytes: data });
  }
  if (out.files.length === 0 && out.problems.length === 0) {
    out.problems.push({ path: tar.path, message: `${tar.path} is a tar archive with no files in it` });
  }
  return out;
}

/**
 * Opens dropped .zip files (recognised by content, so a renamed zip still opens) and puts their
 * entries in their place, under the zip's own name: 'photos.zip' holding 'cats/a.png' becomes
 * 'photos/cats/a.png', so folder names inside the zip still work as labels. Entries are read one
 * by one, so a bad entry (encrypted, an unknown compression, damaged, or expanding past the
 * drop's InflateBudget) costs only itself; a zip that cannot be read at all becomes one problem
 * naming it. Every other file of the drop still loads.
 */
import { inflateCapped } from '../formats/inflate';
import type { InflateBudget } from './inflateBudget';
import { archiveFolder, isJunkPath, normalisePath } from './paths';
import { formatCount } from './text';
import type { IngestProblem, InputFile } from './types';
import { entryBytes, readZipDirectory, type ZipEntry } from './zipDirectory';

export interface Expanded {
  files: InputFile[];
  problems: IngestProblem[];
}

const STORED = 0;
const DEFLATE = 8;
const ENCRYPTED = 0x1;
const COMPRESSION_NAMES: Record<number, string> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 99: 'AES encryption' };

/** Why an entry is not read before looking at its data, or null when it can be. */
function unreadable(zipPath: string, entry: ZipEntry): string | null {
  if (entry.method !== STORED && entry.method !== DEFLATE) {
    const method = COMPRESSION_NAMES[entry.method] ?? `method ${entry.method}`;
    return `${zipPath}: ${entry.name} is compressed with ${method}, which cannot be read — re-create the zip with standard (deflate) compression`;
  }
  if (entry.flags & ENCRYPTED) {
    return `${zipPath}: ${entry.name} is password-protected, which cannot be read — re-create the zip without a password`;
  }
  return null;
}

/**
 * The entry's bytes (for a stored entry a view of the zip, which costs no memory of its own), or
 * the problem that keeps it out.
 */
function readEntry(zip: InputFile, entry: ZipEntry, path: string, budget: InflateBudget): Uint8Array | string {
  const damaged = (why: string): string => `${zip.path}: ${entry.name} is damaged (${why}) — re-create the zip or download it again`;
  try {
    const stored = entryBytes(zip.bytes, entry);
    if (entry.method === STORED) return stored.length === entry.size ? stored : damaged('its sizes disagree');
    // The directory's size is checked first: an entry claiming gigabytes costs nothing.
    if (entry.size > budget.limit) return budget.refusal(path);
    // At most the declared size: more data than the directory says is damage (or a bomb in disguise).
    const bytes = inflateCapped(stored, 'deflate', entry.size, entry.size);
    if (bytes === null) return damaged(`it expands to more than the ${formatCount(entry.size)} bytes the zip declares`);
    if (bytes.length !== entry.size) return damaged(`it holds ${formatCount(bytes.length)} of its ${formatCount(entry.size)} bytes`);
    budget.spend(bytes.length);
    return bytes;
  } catch (e) {
    return damaged(e instanceof Error ? e.message : String(e));
  }
}

/** The entries of one zip (one level: zips inside are returned as files), paths under the zip's name. */
export function openZip(zip: InputFile, budget: InflateBudget): Expanded {
  const out: Expanded = { files: [], problems: [] };
  let entries: ZipEntry[];
  let claimed: number;
  try {
    ({ entries, claimed } = readZipDirectory(zip.bytes));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const message =
      `${zip.path} could not be opened as a zip (${why}) — it may be damaged or only partly downloaded; ` +
      're-create it or download it again';
    return { files: [], problems: [{ path: zip.path, message }] };
  }
  const folder = archiveFolder(zip.path);
  for (const entry of entries) {
    if (entry.name.endsWith('/') || isJunkPath(entry.name)) continue; // folders and OS junk
    const path = `${folder}/${normalisePath(entry.name)}`;
    const problem = unreadable(zip.path, entry);
    const bytes = problem ?? readEntry(zip, entry, path, budget);
    if (typeof bytes === 'string') out.problems.push({ path, message: bytes });
    else out.files.push({ path, bytes });
  }
  if (entries.length < claimed) {
    out.problems.push({
      path: zip.path,
      message: `${zip.path} is damaged: its directory lists ${formatCount(claimed)} files but only ${formatCount(entries.length)} could be read — download it again`,
    });
  }
  if (out.files.length === 0 && out.problems.length === 0) {
    out.problems.push({ path: zip.path, message: `${zip.path} is a zip with no files in it` });
  }
  return out;
}

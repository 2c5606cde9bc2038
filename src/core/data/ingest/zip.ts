/**
 * Opens dropped .zip files (recognised by content, so a renamed zip still opens) and puts their
 * entries in their place, under the zip's own name: 'photos.zip' holding 'cats/a.png' becomes
 * 'photos/cats/a.png', so folder names inside the zip still work as labels. A zip that cannot be
 * read becomes one problem naming it; every other file of the drop still loads.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { archiveFolder, isJunkPath, normalisePath } from './paths';
import { isZip } from './sniff';
import { MAX_ZIP_DEPTH, type IngestProblem, type InputFile } from './types';

export interface Expanded {
  files: InputFile[];
  problems: IngestProblem[];
}

const COMPRESSION_NAMES: Record<number, string> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 99: 'AES encryption' };

/**
 * Zip tools that predate the UTF-8 flag (macOS Archive Utility among them) still write UTF-8
 * names; fflate then reads them as Latin-1 ('cafÃ©'). Such a name is re-read as UTF-8 when its
 * bytes are valid UTF-8, which a genuine Latin-1 or CP437 name with accents almost never is.
 */
export function repairZipName(name: string): string {
  let high = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 0xff) return name;
    if (c >= 0x80) high = true;
  }
  if (!high) return name;
  const bytes = Uint8Array.from(name, (ch) => ch.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return name;
  }
}

/** The entries of one zip (one level: zips inside are returned as files), paths under the zip's name. */
export function openZip(zip: InputFile): Expanded {
  const problems: IngestProblem[] = [];
  const folder = archiveFolder(zip.path);
  const wanted = (info: UnzipFileInfo): boolean => {
    if (info.name.endsWith('/') || isJunkPath(info.name)) return false; // folders and OS junk
    // fflate inflates only 'deflate' and stores; other methods would abort the whole zip.
    if (info.compression !== 0 && info.compression !== 8) {
      const method = COMPRESSION_NAMES[info.compression] ?? `method ${info.compression}`;
      problems.push({
        path: `${folder}/${normalisePath(repairZipName(info.name))}`,
        message:
          `${zip.path}: ${repairZipName(info.name)} is compressed with ${method}, which cannot be read — ` +
          're-create the zip with standard (deflate) compression',
      });
      return false;
    }
    return true;
  };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip.bytes, { filter: wanted });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      files: [],
      problems: [
        {
          path: zip.path,
          message:
            `${zip.path} could not be opened as a zip (${why}) — it may be damaged or only partly downloaded; ` +
            're-create it or download it again',
        },
      ],
    };
  }
  const files = Object.entries(entries).map(([name, bytes]) => ({ path: `${folder}/${normalisePath(repairZipName(name))}`, bytes }));
  if (files.length === 0 && problems.length === 0) {
    problems.push({ path: zip.path, message: `${zip.path} is a zip with no files in it` });
  }
  return { files, problems };
}

/**
 * Replaces every zip in `files` by its entries, opening zips inside zips up to MAX_ZIP_DEPTH
 * levels; a zip nested deeper is reported rather than opened (a guard against zip bombs built
 * from nesting). Other files pass through unchanged, in their original order.
 */
export function expandZips(files: InputFile[]): Expanded {
  const out: Expanded = { files: [], problems: [] };
  const visit = (file: InputFile, level: number): void => {
    if (!isZip(file.bytes)) {
      out.files.push(file);
      return;
    }
    if (level > MAX_ZIP_DEPTH) {
      out.problems.push({ path: file.path, message: nestedTooDeepProblem(file.path) });
      return;
    }
    const opened = openZip(file);
    out.problems.push(...opened.problems);
    for (const entry of opened.files) visit(entry, level + 1);
  };
  for (const file of files) visit(file, 1);
  return out;
}

export function nestedTooDeepProblem(path: string): string {
  return (
    `${path} is an archive nested more than ${MAX_ZIP_DEPTH} levels deep inside other archives, so it was not opened — ` +
    'extract it and drop its contents'
  );
}

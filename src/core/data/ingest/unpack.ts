/**
 * Opens the archives of a drop — zips (also zips in zips), tars and gzip — and hands every file
 * that is not an archive on with what it is. Used twice with the same rules, so that paths
 * agree: by collect.ts to build the dataset, and by the export to find each row's original file
 * (`imageFilesByPath`). Archives nest at most MAX_ZIP_DEPTH levels; everything decompressed
 * counts against one InflateBudget per drop.
 */
import { gunzipCapped } from '../formats/gzip';
import { InflateBudget } from './inflateBudget';
import { normalisePath } from './paths';
import { sniffFile, type FileKind } from './sniff';
import { openTar } from './tar';
import { MAX_ZIP_DEPTH, type IngestProblem, type InputFile } from './types';
import { openZip } from './zip';

/** What a file that is not an archive turned out to be. */
export type LeafKind = Exclude<FileKind, { kind: 'zip' } | { kind: 'tar' } | { kind: 'gzip' }>;

export type OnLeaf = (file: InputFile, kind: LeafKind) => void;

export function nestedTooDeepProblem(path: string): string {
  return (
    `${path} is an archive nested more than ${MAX_ZIP_DEPTH} levels deep inside other archives, so it was not opened — ` +
    'extract it and drop its contents'
  );
}

/** What one unpacking shares: the drop's budget, where problems go, and who gets the files. */
interface Walk {
  budget: InflateBudget;
  problems: IngestProblem[];
  onLeaf: OnLeaf;
}

/**
 * Unpacks one file. `level`: how many archives enclose it; `sniffPath`: the name that decides
 * text formats ('.gz' removed); `gunzipped`: it came out of a .gz.
 */
function visit(walk: Walk, file: InputFile, sniffPath: string, level: number, gunzipped: boolean): void {
  const { budget, problems } = walk;
  const kind = sniffFile(sniffPath, file.bytes);
  if (kind.kind === 'zip' || kind.kind === 'tar') {
    if (level >= MAX_ZIP_DEPTH) {
      problems.push({ path: file.path, message: nestedTooDeepProblem(file.path) });
      return;
    }
    const opened = kind.kind === 'zip' ? openZip(file, budget) : openTar(file);
    problems.push(...opened.problems);
    for (const entry of opened.files) visit(walk, entry, entry.path, level + 1, false);
    return;
  }
  if (kind.kind === 'gzip') {
    if (gunzipped) {
      problems.push({ path: file.path, message: `${file.path} is gzip-compressed twice, which is not read — decompress it and drop the result` });
      return;
    }
    let inner: Uint8Array | null;
    try {
      inner = gunzipCapped(file.bytes, budget.limit, file.path);
    } catch (e) {
      problems.push({ path: file.path, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (inner === null) {
      problems.push({ path: file.path, message: budget.refusal(file.path) });
      return;
    }
    budget.spend(inner.length);
    const innerName = sniffPath.replace(/\.gz$/i, '').replace(/\.tgz$/i, '.tar');
    visit(walk, { path: file.path, bytes: inner }, innerName, level, true);
    return;
  }
  walk.onLeaf(file, kind);
}

/** Unpacks one file of a drop into `onLeaf`, adding what could not be opened to `problems`. */
export function unpackFile(file: InputFile, budget: InflateBudget, problems: IngestProblem[], onLeaf: OnLeaf): void {
  const path = normalisePath(file.path);
  visit({ budget, problems, onLeaf }, { path, bytes: file.bytes }, path, 0, false);
}

/** The image files of a drop by their path in it (the paths rows carry), archives opened. */
export function imageFilesByPath(files: InputFile[]): Map<string, Uint8Array> {
  const byPath = new Map<string, Uint8Array>();
  const budget = new InflateBudget();
  const problems: IngestProblem[] = [];
  for (const file of files) {
    unpackFile(file, budget, problems, (leaf, kind) => {
      if (kind.kind === 'image') byPath.set(leaf.path, leaf.bytes);
    });
  }
  return byPath;
}

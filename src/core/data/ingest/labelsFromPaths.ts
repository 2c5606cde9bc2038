/**
 * Folder names as ground-truth labels, the ImageFolder convention: a dropped 'shapes/' folder
 * holding 'circle/…' and 'square/…' is a labelled set with classes circle and square. The
 * folders every image shares ('shapes/', or a zip's name) are stripped first; each image's label
 * is then the first folder left, however deep the image sits below it. Labels are optional:
 * with images outside any class folder, or a single class, the set is unlabeled.
 */
import { naturalCompare, sharedFolder } from './paths';
import { formatCount, listSome, plural } from './text';

export interface FolderLabels {
  /** Class id per path (0-based, classes in natural order of name); absent when unlabeled. */
  labels?: Int32Array;
  classNames?: string[];
  /** The folder all paths share ('' when none), e.g. 'shapes'; a natural default name for the set. */
  root: string;
  /** What was decided, in words, when worth telling (labels found, or why they were not used). */
  notice?: string;
}

export function labelsFromPaths(paths: string[]): FolderLabels {
  const root = sharedFolder(paths);
  const skip = root === '' ? 0 : root.split('/').length;
  const folders = paths.map((p) => p.split('/').slice(skip, -1));
  // NFC: macOS writes names decomposed ('e' + accent) where zips and Windows write 'é' as one character.
  const names = folders.map((f) => (f.length > 0 ? f[0].normalize('NFC') : null));

  const outside = names.filter((s) => s === null).length;
  if (outside > 0) {
    if (outside === names.length) return { root };
    return {
      root,
      notice:
        `${formatCount(outside)} of ${plural(names.length, 'image')} ${outside === 1 ? 'is' : 'are'} not in a class folder, ` +
        'so the set is treated as unlabeled',
    };
  }
  const classNames = Array.from(new Set(names as string[])).sort(naturalCompare);
  if (classNames.length < 2) return { root };
  const idOf = new Map(classNames.map((name, id) => [name, id]));
  const labels = Int32Array.from(names as string[], (name) => idOf.get(name) as number);
  return {
    labels,
    classNames,
    root,
    notice: `Labels from folder names: ${classNames.length} classes (${listSome(classNames, 10)})`,
  };
}

/**
 * First stage of ingesting a drop: opens archives (zip, tar, gzip; see unpack.ts), decides what
 * each file is, checks image headers, skips exact duplicates, orders everything by path and
 * applies the image cap. Nothing is decoded here. Every file that cannot be used becomes a
 * problem naming it; OS junk is skipped silently.
 */
import { dropDuplicates, duplicatesNotice } from './duplicates';
import { imageSize, looksComplete, tooLargeProblem } from './imageHeader';
import { InflateBudget } from './inflateBudget';
import { naturalCompare } from './paths';
import { capNotice, evenlySpaced } from './rowCap';
import { MAX_IMAGES, type ImageKind, type IngestProblem, type InputFile } from './types';
import { unpackFile, type LeafKind } from './unpack';

/** An image file whose header was read: the decoder gets this. Width and height are as stored (before EXIF rotation). */
export interface ImageItem extends InputFile {
  kind: ImageKind;
  width: number;
  height: number;
}

export interface Collected {
  /** In natural path order, duplicates removed, at most maxImages. */
  images: ImageItem[];
  /** Dataset files, gunzipped, each in natural path order. */
  idx: InputFile[];
  tables: InputFile[];
  npy: InputFile[];
  cifar: InputFile[];
  problems: IngestProblem[];
  notices: string[];
}

export interface CollectOptions {
  /** Defaults to MAX_IMAGES. */
  maxImages?: number;
  /** What archives may expand to; defaults to a fresh budget with the standard limits. */
  budget?: InflateBudget;
  onProgress?: (stage: string, done: number, total: number) => void;
}

type Bucket = 'images' | 'idx' | 'tables' | 'npy' | 'cifar';

interface Sorted {
  file: InputFile | ImageItem;
  bucket: Bucket;
}

const IMAGE_NAMES: Record<ImageKind, string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', bmp: 'BMP' };
const STAGE = 'Reading files';

/** Checks an image's header: its size, or the problem that keeps it out. */
function readImage(file: InputFile, kind: ImageKind): ImageItem | IngestProblem {
  const damaged = {
    path: file.path,
    message: `${file.path} is a truncated or damaged ${IMAGE_NAMES[kind]} image — export or download it again`,
  };
  const size = imageSize(kind, file.bytes);
  if (!size) return damaged;
  // Before the completeness check: a header alone is enough to refuse an image as too large.
  const tooLarge = tooLargeProblem(file.path, size);
  if (tooLarge) return { path: file.path, message: tooLarge };
  if (!looksComplete(kind, file.bytes, size)) return damaged;
  return { ...file, kind, ...size };
}

export async function collectInputs(files: InputFile[], opts: CollectOptions = {}): Promise<Collected> {
  const maxImages = opts.maxImages ?? MAX_IMAGES;
  const problems: IngestProblem[] = [];
  const notices: string[] = [];
  const found: Sorted[] = [];
  const budget = opts.budget ?? new InflateBudget();

  const classify = (file: InputFile, kind: LeafKind): void => {
    switch (kind.kind) {
      case 'ignored':
        return;
      case 'empty':
      case 'svg':
      case 'unknown':
        problems.push({ path: file.path, message: kind.problem });
        return;
      case 'image': {
        const item = readImage(file, kind.image);
        if ('message' in item) problems.push(item);
        else found.push({ file: item, bucket: 'images' });
        return;
      }
      case 'idx':
        found.push({ file, bucket: 'idx' });
        return;
      case 'table':
        found.push({ file, bucket: 'tables' });
        return;
      case 'npy':
        found.push({ file, bucket: 'npy' });
        return;
      case 'cifar':
        found.push({ file, bucket: 'cifar' });
        return;
    }
  };

  opts.onProgress?.(STAGE, 0, files.length);
  for (let i = 0; i < files.length; i++) {
    unpackFile(files[i], budget, problems, classify);
    if ((i + 1) % 50 === 0) opts.onProgress?.(STAGE, i + 1, files.length);
  }
  opts.onProgress?.(STAGE, files.length, files.length);

  // Path order first, so that of two identical files the one earlier in that order is kept.
  found.sort((a, b) => naturalCompare(a.file.path, b.file.path));
  const { kept, duplicates } = dropDuplicates(found.map((f) => ({ ...f, bytes: f.file.bytes, path: f.file.path })));
  if (duplicates.length > 0) notices.push(duplicatesNotice(duplicates));

  const pick = (bucket: Bucket): InputFile[] => kept.filter((f) => f.bucket === bucket).map((f) => f.file);
  let images = pick('images') as ImageItem[];
  if (images.length > maxImages) {
    const total = images.length;
    images = evenlySpaced(total, maxImages).map((i) => images[i]);
    notices.push(capNotice(maxImages, total, 'images', 'folder'));
  }
  problems.sort((a, b) => naturalCompare(a.path, b.path));
  return { images, idx: pick('idx'), tables: pick('tables'), npy: pick('npy'), cifar: pick('cifar'), problems, notices };
}

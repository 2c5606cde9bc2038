/**
 * Dropped files → Dataset: the whole pipeline behind the drop zone. Images win when the drop has
 * any (folder names become labels); otherwise standard dataset files are parsed. Files that
 * cannot be used are reported as problems while the rest loads; only when nothing usable is
 * left does it throw, with an IngestError that says what was found and what to drop instead.
 *
 * Decoding is injected: the browser worker passes a createImageBitmap + OffscreenCanvas decoder,
 * tests pass a pure one, so everything here runs in Node.
 */
import { datasetRow, type Dataset } from '../dataset';
import { createImageRows } from './assemble';
import { collectInputs, type ImageItem } from './collect';
import { datasetFromFiles } from './datasetFiles';
import type { InflateBudget } from './inflateBudget';
import { labelsFromPaths } from './labelsFromPaths';
import { naturalCompare } from './paths';
import { rowToBytes } from './pixels';
import { listSome, plural, shortText } from './text';
import type { IngestProblem, InputFile, PreprocessOptions } from './types';

/**
 * Decodes one image to RGBA, size × size × 4 (straight alpha, as getImageData returns), placed
 * by fitRect(item.width, item.height, size, fit) — or by the decoded bitmap's own size, which
 * differs from the header's when EXIF rotation applies. Rejects when the image cannot be decoded.
 */
export type DecodeImage = (item: ImageItem, size: number, fit: PreprocessOptions['fit']) => Promise<Uint8ClampedArray>;

export interface IngestOptions {
  preprocess: PreprocessOptions;
  decode: DecodeImage;
  /** Called with the stage in words and files done of total (about every 50 files). */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Defaults to MAX_IMAGES. */
  maxImages?: number;
  /** Rows of dataset files (IDX, CIFAR-10, .npy, CSV); defaults to MAX_IMAGES, fewer for wide rows. */
  maxRows?: number;
  /** What the drop's archives may expand to; defaults to the standard limits. */
  budget?: InflateBudget;
  /** Defaults to the dropped folder's name, or the dataset file's name. */
  name?: string;
}

export interface IngestResult {
  dataset: Dataset;
  /** Source of each row: the image's path in the drop, or '<file>#<row>' for dataset files. */
  paths: string[];
  problems: IngestProblem[];
  notices: string[];
  /** A few rows as bytes 0..255, channels last, to show the preprocessing: one of every class first (previewRows). */
  preview: Uint8Array[];
}

/** Nothing usable in the drop; `problems` lists what was skipped and why. */
export class IngestError extends Error {
  readonly problems: IngestProblem[];
  readonly notices: string[];
  constructor(message: string, problems: IngestProblem[], notices: string[] = []) {
    super(message);
    this.name = 'IngestError';
    this.problems = problems;
    this.notices = notices;
  }
}

export const PREVIEW_COUNT = 8;
/** Images decoded at once: createImageBitmap works off the calling thread, so a few overlap well without holding many bitmaps. */
const DECODE_CONCURRENCY = 4;
const PROGRESS_EVERY = 50;
const WHAT_TO_DROP = 'Drop PNG/JPEG/WebP/GIF/BMP images, a folder or .zip of them, or MNIST IDX / CIFAR-10 .bin / CSV / .npy files.';

function skippedSentence(problems: IngestProblem[]): string {
  if (problems.length === 0) return 'only system files such as .DS_Store were found';
  return `${plural(problems.length, 'file')} ${problems.length === 1 ? 'was' : 'were'} skipped (listed below)`;
}

/** Problems in path order, so the list reads like the folder it came from. */
const byPath = (problems: IngestProblem[]): IngestProblem[] => problems.sort((a, b) => naturalCompare(a.path, b.path));

/** At most this many classes get a preview image each. */
const PREVIEW_CLASSES = 20;

/**
 * Which rows the preview shows: round robin over the classes (in row order within each), so a
 * drop whose first folder holds most images still shows every class; without labels, the first.
 */
export function previewRows(d: Pick<Dataset, 'n' | 'labels' | 'numClasses'>): number[] {
  const count = Math.min(d.n, Math.max(PREVIEW_COUNT, Math.min(d.numClasses, PREVIEW_CLASSES)));
  if (!d.labels) return Array.from({ length: count }, (_, i) => i);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < d.n; i++) {
    const c = d.labels[i];
    if (!byClass.has(c)) byClass.set(c, []);
    byClass.get(c)!.push(i);
  }
  const queues = [...byClass.keys()].sort((a, b) => a - b).map((c) => byClass.get(c)!);
  const rows: number[] = [];
  for (let round = 0; rows.length < count; round++) {
    for (const q of queues) if (round < q.length && rows.length < count) rows.push(q[round]);
  }
  return rows;
}

function preview(d: Dataset): Uint8Array[] {
  if (!d.image) return [];
  return previewRows(d).map((i) => rowToBytes(datasetRow(d, i)));
}

async function ingestImages(
  images: ImageItem[],
  opts: IngestOptions,
  problems: IngestProblem[],
  notices: string[],
): Promise<Omit<IngestResult, 'problems' | 'notices'>> {
  const { size, fit } = opts.preprocess;
  const rows = createImageRows(images.length, opts.preprocess);
  const paths: string[] = [];
  const stage = 'Decoding images';
  opts.onProgress?.(stage, 0, images.length);
  let reported = 0;
  for (let start = 0; start < images.length; start += DECODE_CONCURRENCY) {
    const batch = images.slice(start, start + DECODE_CONCURRENCY);
    // Through a promise, so a decoder that throws instead of rejecting still costs only its image.
    const decoded = await Promise.allSettled(batch.map((item) => Promise.resolve().then(() => opts.decode(item, size, fit))));
    // Rows are added in path order whatever order the decodes finish in.
    decoded.forEach((result, j) => {
      const { path } = batch[j];
      if (result.status === 'rejected') {
        problems.push({ path, message: `could not decode ${path} (truncated or damaged?) — export or download it again` });
        return;
      }
      if (result.value.length !== size * size * 4) {
        const message = `could not decode ${path}: the decoder returned ${result.value.length} values, expected ${size * size * 4}`;
        problems.push({ path, message });
        return;
      }
      rows.add(path, result.value);
      paths.push(path);
    });
    const done = Math.min(start + DECODE_CONCURRENCY, images.length);
    if (done - reported >= PROGRESS_EVERY || done === images.length) {
      opts.onProgress?.(stage, done, images.length);
      reported = done;
    }
  }

  if (paths.length < 2) {
    const loaded = paths.length === 1 ? `only 1 could be loaded (${paths[0]})` : 'none could be loaded';
    const skipped = problems.length > 0 ? `; ${skippedSentence(problems)}` : '';
    throw new IngestError(
      `Need at least 2 images to cluster, but ${loaded}${skipped}. Drop a folder or .zip with more images.`,
      byPath(problems),
      notices,
    );
  }
  const labels = labelsFromPaths(paths);
  if (labels.notice) notices.push(labels.notice);
  const name = opts.name ?? (labels.root.split('/').pop() || 'Dropped images');
  const built = rows.finish(labels, name);
  return { ...built, preview: preview(built.dataset) };
}

export async function ingest(files: InputFile[], opts: IngestOptions): Promise<IngestResult> {
  const collected = await collectInputs(files, { maxImages: opts.maxImages, budget: opts.budget, onProgress: opts.onProgress });
  const problems = collected.problems;
  const notices = collected.notices;

  if (collected.images.length > 0) {
    const unused = [...collected.idx, ...collected.cifar, ...collected.npy, ...collected.tables].map((f) => f.path).sort(naturalCompare);
    if (unused.length > 0) notices.push(`Images were loaded; these dataset files were not used: ${listSome(unused)}`);
    const result = await ingestImages(collected.images, opts, problems, notices);
    return { ...result, problems: byPath(problems), notices };
  }

  const hadDatasetFiles = collected.idx.length + collected.cifar.length + collected.npy.length + collected.tables.length > 0;
  if (hadDatasetFiles) opts.onProgress?.('Loading dataset files', 0, 1);
  const outcome = await datasetFromFiles(collected, { name: opts.name, maxRows: opts.maxRows });
  problems.push(...outcome.problems);
  notices.push(...outcome.notices);
  if (!outcome.built) {
    if (files.length === 0) throw new IngestError(`Nothing was dropped. ${WHAT_TO_DROP}`, [], notices);
    const lead = hadDatasetFiles ? 'No dataset could be loaded from the dropped files' : 'No images or dataset files in the drop';
    throw new IngestError(`${lead}: ${skippedSentence(problems)}. ${WHAT_TO_DROP}`, byPath(problems), notices);
  }
  const refusal = untrainable(outcome.built.dataset, outcome.built.paths);
  if (refusal) throw new IngestError(refusal, byPath(problems), notices);
  opts.onProgress?.('Loading dataset files', 1, 1);
  return { ...outcome.built, problems: byPath(problems), notices, preview: preview(outcome.built.dataset) };
}

/**
 * Why a loaded dataset cannot be clustered, or null. Refused here, so that the previous dataset
 * stays loaded, rather than by the training worker after it replaced it.
 */
function untrainable(d: Dataset, paths: string[]): string | null {
  const unit = d.image ? 'image' : 'row';
  if (d.n < 2) {
    const from = paths.length > 0 ? ` (${paths[0].replace(/#\d+$/, '')})` : '';
    return `Need at least 2 ${unit}s to cluster, but only ${d.n} could be loaded${from}. Drop a file with more ${unit}s.`;
  }
  if (d.labels && new Set(d.labels).size < 2) {
    const name = d.classNames?.[d.labels[0]] ?? String(d.labels[0]);
    return (
      `All ${plural(d.n, unit)} have the same label ('${shortText(name, 40)}'): clustering needs at least 2 classes to compare with. ` +
      'Drop data with at least 2 classes, or load it without labels (remove the label column or the labels file).'
    );
  }
  return null;
}

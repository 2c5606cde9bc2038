/**
 * Dataset files (no images in the drop) → Dataset, through the existing parsers in ../formats.
 * One format is used per drop, tried in this order: MNIST-style IDX, CIFAR-10 batches, .npy,
 * CSV/TSV; the first that yields rows wins and the others are named in a notice. Within a
 * format, files that belong together are combined (train + t10k IDX pairs, all CIFAR batches,
 * tables with the same columns). A parser's Error becomes a problem on that file, never a crash.
 * Row paths are '<file>#<row>' with 0-based rows of that file. The rows are capped as images are
 * (rowCap.ts), with the same message.
 */
import type { Dataset } from '../dataset';
import { datasetFromCifar10, datasetFromIdx, datasetFromNpy, datasetFromTable } from '../formats';
import { USER_DATASET_ID, type BuiltDataset } from './assemble';
import { fileNameOf, sharedFolder } from './paths';
import { capNotice, evenlySpaced, rowLimit } from './rowCap';
import { stackDatasets } from './stack';
import { formatCount, listSome, plural } from './text';
import { keepRows } from './transforms';
import type { IngestProblem, InputFile } from './types';

export interface DatasetFiles {
  idx: InputFile[];
  cifar: InputFile[];
  npy: InputFile[];
  tables: InputFile[];
}

export interface FilesOptions {
  /** Defaults to the file's (or the files' shared folder's) name. */
  name?: string;
  /** At most this many rows load (default MAX_IMAGES), spread evenly; see rowCap.ts. */
  maxRows?: number;
}

export interface FilesOutcome {
  /** null when no file yielded rows. */
  built: BuiltDataset | null;
  problems: IngestProblem[];
  notices: string[];
}

/** One parsed file (or IDX pair), named by the file its rows come from. */
interface Part {
  path: string;
  dataset: Dataset;
}

interface Loaded {
  parts: Part[];
  problems: IngestProblem[];
  notices: string[];
}

const FORMAT_NAMES: Record<keyof DatasetFiles, string> = { idx: 'IDX', cifar: 'CIFAR-10', npy: '.npy', tables: 'CSV/TSV' };

/** The parser's message, with the file named in front when the parser did not name it. */
function problemFrom(path: string, e: unknown): IngestProblem {
  const message = e instanceof Error ? e.message : String(e);
  return { path, message: message.includes(fileNameOf(path)) ? message : `${path}: ${message}` };
}

const u32be = (b: Uint8Array, p: number): number => ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;

/** ndims and the first dim (the count) of an IDX file, or null when the header is not readable. */
function idxHeader(bytes: Uint8Array): { ndims: number; count: number } | null {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0) return null;
  return { ndims: bytes[3], count: u32be(bytes, 4) };
}

/** 'train-images-idx3-ubyte.gz' and 'train-labels-idx1-ubyte.gz' share the key 'train--ubyte'. */
const pairKey = (path: string): string =>
  fileNameOf(path)
    .toLowerCase()
    .replace(/\.gz$/, '')
    .replace(/images?|labels?|idx\d/g, '');

/** Each IDX images file with the labels file of the same count (preferring a matching name). */
async function loadIdx(files: InputFile[]): Promise<Loaded> {
  const out: Loaded = { parts: [], problems: [], notices: [] };
  const images: InputFile[] = [];
  const labelFiles: InputFile[] = [];
  for (const f of files) {
    const ndims = idxHeader(f.bytes)?.ndims;
    if (ndims === 3 || ndims === 4) images.push(f);
    else if (ndims === 1) labelFiles.push(f);
    else {
      // Not usable alone or in a pair (wrong magic, other dims): the parser says why.
      try {
        await datasetFromIdx([{ name: f.path, bytes: f.bytes }]);
        out.problems.push({ path: f.path, message: `${f.path} is not an IDX images or labels file` });
      } catch (e) {
        out.problems.push(problemFrom(f.path, e));
      }
    }
  }
  const unpaired = new Set(labelFiles);
  for (const img of images) {
    const count = idxHeader(img.bytes)?.count;
    const sameCount = labelFiles.filter((l) => unpaired.has(l) && idxHeader(l.bytes)?.count === count);
    const labels = sameCount.find((l) => pairKey(l.path) === pairKey(img.path)) ?? sameCount[0];
    if (labels) unpaired.delete(labels);
    const pair = [img, ...(labels ? [labels] : [])].map((f) => ({ name: f.path, bytes: f.bytes }));
    try {
      out.parts.push({ path: img.path, dataset: await datasetFromIdx(pair) });
    } catch (e) {
      out.problems.push(problemFrom(img.path, e));
    }
  }
  for (const l of unpaired) {
    const count = formatCount(idxHeader(l.bytes)?.count ?? 0);
    out.problems.push({
      path: l.path,
      message:
        `${l.path} is an IDX labels file with ${count} labels, but no images file with ${count} images came with it — ` +
        'drop it together with its images file',
    });
  }
  return out;
}

/** Each batch on its own, so one bad batch does not keep the others out. */
function loadCifar(files: InputFile[]): Loaded {
  const out: Loaded = { parts: [], problems: [], notices: [] };
  for (const f of files) {
    try {
      out.parts.push({ path: f.path, dataset: datasetFromCifar10([f.bytes], { batchNames: [f.path] }) });
    } catch (e) {
      out.problems.push(problemFrom(f.path, e));
    }
  }
  return out;
}

/** The shape in a .npy header, or null when it cannot be read (the parser then explains). */
function npyShape(bytes: Uint8Array): number[] | null {
  let header = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) header += String.fromCharCode(bytes[i]);
  const match = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header);
  if (!match) return null;
  return match[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
}

const isLabelShape = (shape: number[] | null): boolean => shape !== null && (shape.length === 1 || (shape.length === 2 && shape[1] === 1));

/** One features array (the first that parses) with the 1-D labels array of the same length, if any. */
function loadNpy(files: InputFile[]): Loaded {
  const out: Loaded = { parts: [], problems: [], notices: [] };
  const shapes = new Map(files.map((f) => [f, npyShape(f.bytes)]));
  const labelFiles = files.filter((f) => isLabelShape(shapes.get(f) ?? null));
  const features = files.filter((f) => !labelFiles.includes(f));
  if (features.length === 0) {
    for (const f of labelFiles) {
      out.problems.push({
        path: f.path,
        message: `${f.path} holds a 1-D array, which looks like labels — drop it together with the features (or images) .npy file`,
      });
    }
    return out;
  }
  const unused: string[] = [];
  for (const f of features) {
    if (out.parts.length > 0) {
      unused.push(f.path);
      continue;
    }
    const n = shapes.get(f)?.[0];
    const labels = labelFiles.find((l) => shapes.get(l)?.[0] === n);
    try {
      const dataset = datasetFromNpy(f.bytes, labels?.bytes, f.path);
      out.parts.push({ path: f.path, dataset });
      if (labels) labelFiles.splice(labelFiles.indexOf(labels), 1);
    } catch (e) {
      out.problems.push(problemFrom(f.path, e));
    }
  }
  if (out.parts.length > 0) unused.push(...labelFiles.map((f) => f.path));
  if (unused.length > 0) out.notices.push(`One .npy array is loaded at a time; not used: ${listSome(unused)}`);
  return out;
}

function loadTables(files: InputFile[]): Loaded {
  const out: Loaded = { parts: [], problems: [], notices: [] };
  const utf8 = new TextDecoder();
  for (const f of files) {
    try {
      out.parts.push({ path: f.path, dataset: datasetFromTable(utf8.decode(f.bytes), { fileName: fileNameOf(f.path) }) });
    } catch (e) {
      out.problems.push(problemFrom(f.path, e));
    }
  }
  return out;
}

/**
 * The parts with the first part's width stacked into one dataset, capped at the row limit; the
 * others become problems.
 */
function combine(loaded: Loaded, { name, maxRows }: FilesOptions): FilesOutcome {
  const { parts, problems, notices } = loaded;
  const dim = parts[0].dataset.dim;
  const fits = parts.filter((p) => p.dataset.dim === dim);
  for (const p of parts) {
    if (p.dataset.dim === dim) continue;
    problems.push({
      path: p.path,
      message: `${p.path} has ${p.dataset.dim} values per row but ${parts[0].path} has ${dim}, so it was not combined with it`,
    });
  }
  const folder = sharedFolder(fits.map((p) => p.path)).split('/').pop() ?? '';
  const title = name ?? (fits.length === 1 || folder === '' ? fits[0].dataset.name : folder);
  const dataset = stackDatasets(
    fits.map((p) => p.dataset),
    USER_DATASET_ID,
    title,
  );
  if (fits.length > 1) notices.push(`Combined ${fits.map((p) => fileNameOf(p.path)).join(' + ')}: ${plural(dataset.n, 'row')}`);
  const withoutLabels = fits.filter((p) => !p.dataset.labels);
  if (withoutLabels.length > 0 && withoutLabels.length < fits.length) {
    const verb = withoutLabels.length === 1 ? 'has' : 'have';
    notices.push(`${listSome(withoutLabels.map((p) => p.path))} ${verb} no labels, so the combined set is unlabeled`);
  }
  const paths = fits.flatMap((p) => Array.from({ length: p.dataset.n }, (_, i) => `${p.path}#${i}`));
  const limit = rowLimit(dim, maxRows);
  if (dataset.n <= limit) return { built: { dataset, paths }, problems, notices };
  const keep = evenlySpaced(dataset.n, limit);
  notices.push(capNotice(limit, dataset.n, dataset.image ? 'images' : 'rows', 'file'));
  return { built: { dataset: keepRows(dataset, keep), paths: keep.map((i) => paths[i]) }, problems, notices };
}

const LOADERS: Record<keyof DatasetFiles, (files: InputFile[]) => Loaded | Promise<Loaded>> = {
  idx: loadIdx,
  cifar: loadCifar,
  npy: loadNpy,
  tables: loadTables,
};

/** Loads the first format (IDX, CIFAR-10, .npy, CSV/TSV) that yields rows; see the file comment. */
export async function datasetFromFiles(files: DatasetFiles, opts: FilesOptions = {}): Promise<FilesOutcome> {
  const order: (keyof DatasetFiles)[] = ['idx', 'cifar', 'npy', 'tables'];
  const problems: IngestProblem[] = [];
  for (const [i, format] of order.entries()) {
    if (files[format].length === 0) continue;
    const loaded = await LOADERS[format](files[format]);
    problems.push(...loaded.problems);
    if (loaded.parts.length === 0) continue;
    const outcome = combine({ ...loaded, problems }, opts);
    const unusedFiles = order.slice(i + 1).flatMap((f) => files[f].map((file) => file.path));
    if (unusedFiles.length > 0) {
      outcome.notices.push(`The ${FORMAT_NAMES[format]} files were loaded; these other files were not used: ${listSome(unusedFiles)}`);
    }
    return outcome;
  }
  return { built: null, problems, notices: [] };
}

/**
 * Dropped IDX files (the MNIST / Fashion-MNIST / KMNIST format, see ../idx.ts) → Dataset.
 *
 * Accepts one images file — ndims 3 (n × h × w, grey) or ndims 4 (n × h × w × c, c = 1 or 3,
 * channels last) — and optionally one labels file (ndims 1, length n). Either may be gzip. Which
 * file is which is decided by ndims, not by name, because downloads get renamed. Only unsigned-byte
 * IDX is read (what these datasets ship); other element types, wrong magic numbers and truncated
 * bodies are rejected by parseIdx, and the message is prefixed with the offending file's name.
 * Also rejected: more than one images or labels file, count mismatches, other ndims, c ∉ {1, 3}.
 *
 * Pixels are scaled by 1/255 to [0, 1]. Label bytes are remapped to 0-based ids in ascending order
 * (0..9 stays 0..9) and class names are the byte values as strings: the file carries no names, so
 * Fashion-MNIST shows '0'..'9' too. mnistFromIdx is not reused: it insists on labels and 0..9.
 */
import type { Dataset } from '../dataset';
import { parseIdx, type Idx } from '../idx';
import { maybeGunzip } from './gzip';
import { baseName, DEFAULT_K_UNLABELLED, remapIntegerLabels } from './labels';

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export interface IdxOptions {
  /** Defaults to 'file:<images file name>'. */
  id?: string;
  /** Defaults to the images file name without '-idx3-ubyte.gz' and similar suffixes. */
  name?: string;
}

interface ParsedFile {
  name: string;
  idx: Idx;
}

async function parseNamed(file: NamedBytes): Promise<ParsedFile> {
  if (file.bytes.length === 0) {
    throw new Error(`IDX file '${file.name}' is empty (0 bytes) — the download or copy probably failed; fetch it again`);
  }
  const bytes = await maybeGunzip(file.bytes, file.name);
  // parseIdx wants an ArrayBuffer holding exactly the file; copy when the view is a slice or shared.
  const exact =
    bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? bytes.buffer
      : new Uint8Array(bytes).buffer;
  try {
    return { name: file.name, idx: parseIdx(exact) };
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).replace(/^IDX: /, '');
    const hint = /wrong magic/.test(msg) ? ' — this does not look like an IDX file (e.g. train-images-idx3-ubyte)' : '';
    throw new Error(`IDX file '${file.name}': ${msg}${hint}`);
  }
}

/** Builds a Dataset from an IDX images file plus an optional IDX labels file, in any order. */
export async function datasetFromIdx(files: NamedBytes[], opts: IdxOptions = {}): Promise<Dataset> {
  if (files.length === 0) throw new Error('No IDX files given — drop an images file (…-idx3-ubyte) and optionally its labels file');
  const parsed = await Promise.all(files.map(parseNamed));

  const images: ParsedFile[] = [];
  const labels: ParsedFile[] = [];
  for (const f of parsed) {
    const nd = f.idx.dims.length;
    if (nd === 3 || nd === 4) images.push(f);
    else if (nd === 1) labels.push(f);
    else {
      throw new Error(
        `IDX file '${f.name}' has ${nd} dims [${f.idx.dims.join(', ')}] — expected 3 (n×h×w) or 4 (n×h×w×c) for images, ` +
          'or 1 for labels',
      );
    }
  }
  if (images.length !== 1) {
    const found = images.length === 0 ? 'none' : images.map((f) => `'${f.name}'`).join(', ');
    throw new Error(`Expected exactly one IDX images file (3 or 4 dims), found ${found} — drop one images file at a time`);
  }
  if (labels.length > 1) {
    throw new Error(`Expected at most one IDX labels file (1 dim), found ${labels.map((f) => `'${f.name}'`).join(', ')}`);
  }

  const img = images[0];
  const [n, height, width] = img.idx.dims;
  const channels = img.idx.dims.length === 4 ? img.idx.dims[3] : 1;
  if (channels !== 1 && channels !== 3) {
    throw new Error(`IDX file '${img.name}' has ${channels} channels (dims [${img.idx.dims.join(', ')}]) — expected 1 (grey) or 3 (RGB)`);
  }
  if (n === 0 || width === 0 || height === 0) {
    throw new Error(`IDX file '${img.name}' holds no pixels (dims [${img.idx.dims.join(', ')}])`);
  }

  const dim = width * height * channels;
  const x = new Float32Array(n * dim);
  const src = img.idx.data;
  for (let i = 0; i < x.length; i++) x[i] = src[i] / 255;

  const base: Dataset = {
    id: opts.id ?? `file:${img.name}`,
    name: opts.name ?? baseName(img.name),
    n,
    dim,
    x,
    numClasses: DEFAULT_K_UNLABELLED,
    image: { width, height, channels },
  };
  if (labels.length === 0) return base;

  const lab = labels[0];
  if (lab.idx.dims[0] !== n) {
    throw new Error(
      `IDX labels file '${lab.name}' has ${lab.idx.dims[0]} labels but images file '${img.name}' has ${n} images — ` +
        'pair the images with their own labels file (train with train, t10k with t10k)',
    );
  }
  const { labels: y, classNames } = remapIntegerLabels(lab.idx.data);
  return { ...base, labels: y, classNames, numClasses: classNames.length };
}

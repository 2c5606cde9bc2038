/**
 * The decode worker: turns dropped files into a Dataset off the main thread, so a folder of
 * 20,000 photos never freezes the page. The pure steps (sniffing, zips, labels, pixels) live in
 * core/data/ingest; this file adds what needs a browser — image decoding — and keeps the last
 * drop's files so the preprocessing can change without dropping again.
 */
/// <reference lib="webworker" />
import { ingest, IngestError } from '../core/data/ingest/ingest';
import { fitRect, rowLength } from '../core/data/ingest/pixels';
import type { ImageItem } from '../core/data/ingest/collect';
import { imageFilesByPath } from '../core/data/ingest/unpack';
import { MAX_DATASET_FLOATS, MAX_IMAGES, type InputFile, type PreprocessOptions } from '../core/data/ingest/types';
import type { DecodeCommand, DecodeEvent, DroppedFile } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: DecodeEvent, transfer: Transferable[] = []): void => scope.postMessage(event, transfer);

const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp' };

/** The browser decodes; the image is drawn letterboxed (or centre-cropped) on black. */
async function decodeImage(item: ImageItem, size: number, fit: PreprocessOptions['fit']): Promise<Uint8ClampedArray> {
  const bitmap = await createImageBitmap(new Blob([item.bytes as BlobPart], { type: MIME[item.kind] }));
  try {
    const r = fitRect(bitmap.width, bitmap.height, size, fit);
    const canvas = new OffscreenCanvas(size, size);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2-D canvas in this worker');
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, size, size);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, r.sx, r.sy, r.sw, r.sh, r.dx, r.dy, r.dw, r.dh);
    return ctx.getImageData(0, 0, size, size).data;
  } finally {
    bitmap.close();
  }
}

/** The last drop, read once: reprocessing and the zip export reuse these bytes. */
let lastFiles: InputFile[] = [];
let lastPaths: string[] = [];
/** The original bytes by row path, built on the first export request (archives opened once). */
let sourcesByPath: Map<string, Uint8Array> | null = null;

/**
 * A file inside a tar (or a stored zip entry) is a view into the whole archive, and posting a
 * view copies its entire buffer: each row's file is sent as its own copy instead.
 */
function compact(bytes: Uint8Array | null): Uint8Array | null {
  if (!bytes || bytes.byteLength === bytes.buffer.byteLength) return bytes;
  return bytes.slice();
}

async function readAll(jobId: number, files: DroppedFile[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (let i = 0; i < files.length; i++) {
    if (i % 200 === 0) post({ type: 'progress', jobId, stage: 'Reading files', done: i, total: files.length });
    try {
      out.push({ path: files[i].path, bytes: new Uint8Array(await files[i].file.arrayBuffer()) });
    } catch {
      // An unreadable file (removed since the drop, permission) is reported like an empty one.
      out.push({ path: files[i].path, bytes: new Uint8Array(0) });
    }
  }
  return out;
}

async function run(jobId: number, files: InputFile[], preprocess: PreprocessOptions): Promise<void> {
  try {
    const result = await ingest(files, {
      preprocess,
      maxImages: Math.min(MAX_IMAGES, Math.floor(MAX_DATASET_FLOATS / rowLength(preprocess))),
      decode: decodeImage,
      onProgress: (stage, done, total) => post({ type: 'progress', jobId, stage, done, total }),
    });
    lastFiles = files;
    lastPaths = result.paths;
    sourcesByPath = null;
    const d = result.dataset;
    const transfer: Transferable[] = [d.x.buffer as ArrayBuffer, ...result.preview.map((p) => p.buffer as ArrayBuffer)];
    if (d.labels) transfer.push(d.labels.buffer as ArrayBuffer);
    post({ type: 'dataset', jobId, ...result }, transfer);
  } catch (err) {
    const problems = err instanceof IngestError ? err.problems : [];
    post({ type: 'failed', jobId, message: err instanceof Error ? err.message : String(err), problems });
  }
}

scope.onmessage = async (ev: MessageEvent<DecodeCommand>) => {
  const cmd = ev.data;
  if (cmd.type === 'ingest') {
    await run(cmd.jobId, await readAll(cmd.jobId, cmd.files), cmd.preprocess);
  } else if (cmd.type === 'reprocess') {
    await run(cmd.jobId, lastFiles, cmd.preprocess);
  } else {
    // Rows from a zip or tar are named by their path inside it, so look them up among its files.
    sourcesByPath ??= imageFilesByPath(lastFiles);
    const byPath = sourcesByPath;
    const bytes = Array.from(cmd.rows, (r) => compact(byPath.get(lastPaths[r]) ?? null));
    post({ type: 'sources', jobId: cmd.jobId, bytes });
  }
};

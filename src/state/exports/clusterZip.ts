/**
 * One folder per cluster (`cluster-00/`, `cluster-01/`, …) holding one image per row, plus a
 * README.txt that says what is inside. Images come from the original files when a provider gives
 * their bytes (dropped data), else from the sample's pixels re-encoded as PNG; built-in datasets
 * only have the sample's pixels in the page, so their archive holds the sample.
 *
 * Written with fflate's streaming Zip: images are stored (level 0, they are compressed already),
 * and the loop pauses between chunks so thousands of files never block the page.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { DEFAULT_CHUNK, yieldToBrowser, type ChunkOptions } from './chunked';
import type { ExportTable } from './exportTable';
import { asPngName, createNameClaimer, safeBaseName } from './uniqueNames';

const PAUSE_EVERY_BYTES = 4 << 20;

/** The original bytes of a dataset row's file (dropped images), or null when not available. */
export type SourceBytes = (row: number) => Promise<Uint8Array | null>;

/** PNG bytes of the image at a sample position, or null when it cannot be drawn. */
export type SamplePng = (samplePos: number) => Promise<Uint8Array | null>;

export interface ClusterZipInput {
  table: ExportTable;
  k: number;
  datasetId: string;
  /** Source path of every dataset row (dropped data), else null. */
  paths: readonly string[] | null;
  source?: SourceBytes;
  samplePng: SamplePng;
  /** First lines of the README (what the run was). */
  about: readonly string[];
}

export interface ClusterZip {
  /** The archive in pieces, ready for `new Blob(parts)` (no copy into one big array). */
  parts: Uint8Array[];
  images: number;
  /** Rows with a cluster but no image available (outside the sample, no source bytes). */
  missing: number;
}

/** `cluster-07`: zero-padded to the width of the largest id so folders sort in order. */
export function clusterFolder(cluster: number, k: number): string {
  const width = Math.max(2, String(Math.max(0, k - 1)).length);
  return `cluster-${String(cluster).padStart(width, '0')}`;
}

function baseName(row: number, datasetId: string, paths: readonly string[] | null): string {
  const path = paths?.[row];
  return path ? safeBaseName(path) : `${safeBaseName(datasetId)}-${row}`;
}

function readme(input: ClusterZipInput, images: number, missing: number, fromSource: number): string {
  const { table } = input;
  const lines = [...input.about, ''];
  lines.push(`One folder per cluster (cluster-00, cluster-01, …); ${images} images in all.`);
  if (fromSource > 0) lines.push(`${fromSource} images are the original files, unchanged.`);
  if (images > fromSource) lines.push(`${images - fromSource} images are PNGs of the preprocessed pixels the model saw.`);
  if (table.scope === 'sample') {
    lines.push('', 'The run had not finished, so only the sample drawn in the scatter plot is included, with its clusters at the latest snapshot.');
  }
  if (missing > 0) {
    lines.push(
      '',
      `${missing} rows have a cluster but no image here: the browser keeps the pixels of the sample drawn in the scatter plot only.`,
      'Every row is in the CSV export with its cluster.',
    );
  }
  lines.push('', 'Made by Priorscope.');
  return lines.join('\n') + '\n';
}

/** Builds the archive; rows without a cluster are left out. */
export async function buildClusterZip(input: ClusterZipInput, opts: ChunkOptions = {}): Promise<ClusterZip> {
  const { table, k, datasetId, paths, source, samplePng } = input;
  const pause = opts.pause ?? yieldToBrowser;
  const chunk = Math.max(1, opts.chunk ?? DEFAULT_CHUNK);
  const parts: Uint8Array[] = [];
  const errors: Error[] = [];
  const zip = new Zip((err, data) => {
    if (err) errors.push(err);
    else parts.push(data);
  });
  const claim = createNameClaimer();
  let images = 0;
  let missing = 0;
  let fromSource = 0;
  const total = table.rows.length;
  // Checksumming runs at a few hundred MB/s: large original photos pause by bytes, not by count.
  let bytesSincePause = 0;

  for (let i = 0; i < total; i++) {
    const cluster = table.cluster[i];
    if (cluster >= 0) {
      const row = table.rows[i];
      const original = source ? await source(row) : null;
      const pos = table.samplePos[i];
      const bytes = original ?? (pos >= 0 ? await samplePng(pos) : null);
      if (bytes) {
        const folder = clusterFolder(cluster, k);
        const name = baseName(row, datasetId, paths);
        const file = new ZipPassThrough(`${folder}/${claim(folder, original ? name : asPngName(name))}`);
        zip.add(file);
        file.push(bytes, true);
        images++;
        bytesSincePause += bytes.length;
        if (original) fromSource++;
      } else missing++;
    }
    if ((i + 1) % chunk === 0 || bytesSincePause > PAUSE_EVERY_BYTES) {
      bytesSincePause = 0;
      opts.onProgress?.(i + 1, total);
      await pause();
    }
  }

  const notes = new ZipDeflate('README.txt', { level: 6 });
  zip.add(notes);
  notes.push(strToU8(readme(input, images, missing, fromSource)), true);
  zip.end();
  opts.onProgress?.(total, total);
  if (errors.length > 0) throw errors[0];
  return { parts, images, missing };
}

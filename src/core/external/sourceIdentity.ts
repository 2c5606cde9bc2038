/**
 * Which model files a source stands for, as a string: what cached features and loaded models are
 * keyed by. A folder is known by its files' names, sizes and modification times — a start command
 * arrives structured-cloned, so the same folder comes as a new Map each run, and two exports of one
 * architecture can share names and sizes.
 */
import type { AssetSource } from './types';

export function sourceIdentity(source: AssetSource): string {
  if (source.kind === 'bundled') return 'bundled';
  if (source.kind === 'remote') return `remote ${source.baseUrl}`;
  const files = [...source.files].map(([name, blob]) => `${name}:${blob.size}:${(blob as Partial<File>).lastModified ?? ''}`).sort();
  return `local ${files.join(',')}`;
}

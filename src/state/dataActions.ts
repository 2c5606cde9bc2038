/**
 * What the UI can do with data a person brings: load a drop, change its preprocessing.
 * The decoding itself happens in the decode worker (worker/decodeClient.ts).
 */
import type { PreprocessOptions } from '../core/data/ingest/types';
import { ingestFiles, reprocessFiles } from '../worker/decodeClient';
import type { DroppedFile } from '../worker/protocol';
import { store } from './store';

export function loadDroppedFiles(files: DroppedFile[], unreadable: string[] = []): void {
  if (files.length === 0) {
    const why = unreadable.length ? `${unreadable.length} could not be read` : 'the drop held no files';
    store.setState((s) => ({ userData: { ...s.userData, error: `Nothing to load: ${why}. Drop image files, a folder, a .zip, or IDX / CIFAR-10 / CSV / .npy files.` } }));
    return;
  }
  ingestFiles(files, store.getState().userData.preprocess);
}

export function setPreprocess(patch: Partial<PreprocessOptions>): void {
  const next = { ...store.getState().userData.preprocess, ...patch };
  reprocessFiles(next);
}

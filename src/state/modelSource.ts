/**
 * Where external-knowledge models may come from, as the user chose it on this page: consent to
 * download CLIP from the hub, or a model folder from their machine. Kept apart from the settings
 * on purpose: neither is part of a link (a link must not grant consent, and a folder is local).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { CLIP_HUB_URL } from '../core/external/clipModel';
import type { AssetSource } from '../core/external/types';

export interface ModelFolder {
  name: string;
  /** Relative path (as `webkitdirectory` gives it) → contents. */
  files: ReadonlyMap<string, Blob>;
}

export interface ModelSourceState {
  /** The user ticked "Download CLIP from huggingface.co". Off by default, on every visit. */
  consent: boolean;
  folder: ModelFolder | null;
}

export const modelSourceStore = createStore<ModelSourceState>()(() => ({ consent: false, folder: null }));

export function useModelSource<T>(select: (s: ModelSourceState) => T): T {
  return useStore(modelSourceStore, select);
}

export function setDownloadConsent(consent: boolean): void {
  modelSourceStore.setState({ consent });
}

/** Files from an `<input webkitdirectory>` (or any file list): kept by their relative paths. */
export function setModelFolder(files: readonly File[]): void {
  if (files.length === 0) {
    modelSourceStore.setState({ folder: null });
    return;
  }
  const path = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  const name = path(files[0]).split('/')[0] || 'model folder';
  modelSourceStore.setState({ folder: { name, files: new Map(files.map((f) => [path(f), f])) } });
}

/** What the worker may load models from: a chosen folder first (no network), else the hub with consent. */
export function modelSourceOf(s: ModelSourceState): AssetSource {
  if (s.folder) return { kind: 'local', files: s.folder.files };
  if (s.consent) return { kind: 'remote', baseUrl: CLIP_HUB_URL };
  return { kind: 'bundled' };
}

export function currentModelSource(): AssetSource {
  return modelSourceOf(modelSourceStore.getState());
}

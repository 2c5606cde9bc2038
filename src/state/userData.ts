/**
 * The data a person brought (dropped files): what the UI knows of it. The Dataset's numbers stay
 * out of the store (worker/client.ts holds them and hands them to each run); the store keeps what
 * is drawn: progress, problems, the preview, and each row's source path for exports.
 */
import type { IngestProblem, PreprocessOptions } from '../core/data/ingest/types';
import { DEFAULT_PREPROCESS } from '../core/data/ingest/types';
import type { DatasetInfo } from '../core/engine/types';

/** The dataset id runs use for dropped data (it cannot be reloaded from a link). */
export { USER_DATASET_ID } from '../core/data/ingest/assemble';

export interface UserDataState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** While loading: the stage in words, and files done of total. */
  progress: { stage: string; done: number; total: number } | null;
  /** The loaded set; kept while a new drop loads, and when it fails. */
  info: DatasetInfo | null;
  /** Source path of every row (file name inside the drop, or 'file.idx#123' for table rows). */
  paths: string[] | null;
  /** Files of the last drop that were skipped, and why. */
  problems: IngestProblem[];
  /** Things worth knowing that are not problems (capped at 20,000 images, labels from folders…). */
  notices: string[];
  preprocess: PreprocessOptions;
  /** Up to 8 processed images (channels last, 0..255) so the preprocessing can be seen. */
  preview: Uint8Array[];
  /** Why the last drop produced no dataset; the previous dataset stays loaded. */
  error: string | null;
  /** A drop has just loaded: the page says so at the top until it is dismissed or a run starts. */
  fresh: boolean;
}

export const IDLE_USER_DATA: UserDataState = {
  status: 'idle',
  progress: null,
  info: null,
  paths: null,
  problems: [],
  notices: [],
  preprocess: DEFAULT_PREPROCESS,
  preview: [],
  error: null,
  fresh: false,
};

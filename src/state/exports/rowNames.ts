/**
 * How an exported row is named: the file it came from for dropped data, else the dataset id and
 * the row number. Also the file names of the downloads themselves.
 */
import { USER_DATASET_ID, type UserDataState } from '../userData';

/**
 * The source paths that belong to this run's dataset: only dropped data has them, and only when
 * the loaded drop is the one the run trained on (same row count).
 */
export function pathsOfRun(datasetId: string, n: number, userData: Pick<UserDataState, 'paths'>): readonly string[] | null {
  const paths = userData.paths;
  return datasetId === USER_DATASET_ID && paths && paths.length === n ? paths : null;
}

/** `file` column of the CSV: the source path, else `<dataset>#<row>`. */
export function rowLabel(row: number, datasetId: string, paths: readonly string[] | null): string {
  return paths?.[row] ?? `${datasetId}#${row}`;
}

/** Lower-case letters, digits, dots and dashes only, so the name is safe on every file system. */
function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'data'
  );
}

/** `priorscope-<dataset>-<method>-seed<seed>.<ext>` */
export function exportFileName(datasetId: string, method: string, seed: number, ext: string): string {
  return `priorscope-${slug(datasetId)}-${slug(method)}-seed${seed}.${ext}`;
}

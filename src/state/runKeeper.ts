/**
 * A reload keeps the runs: each time a run finishes, the comparison (its link and every run's
 * settings, scores, final scatter and clusters — the 'Save comparison' file) is kept in the
 * browser, and a page opened on the same link shows it again. Storage is injected (IndexedDB in
 * the app, a fake in tests); a failure only means nothing is restored.
 */
import { CATALOG } from './catalog';
import { comparisonFile, showResults } from './compareActions';
import { parseComparison } from './comparisonLink';
import { readComparisonJson } from './exports/comparisonJson';
import type { RunSpec, SharedSettings } from './params';
import { store } from './store';

export interface TextStorage {
  get(): Promise<string | null>;
  put(text: string): Promise<void>;
}

/**
 * What makes the kept runs the same runs: the data, seed, backend, sample and each run's own
 * settings — not how they are drawn (projection, snapshot pace), which may change after a run.
 */
function runsKey(shared: SharedSettings, specs: readonly RunSpec[]): string {
  const { dataset, seed, backend, retention, sampleSize } = shared;
  return JSON.stringify([dataset, seed, backend, retention, sampleSize, specs]);
}

function currentKey(): string {
  const s = store.getState();
  return runsKey(s.settings, s.runOrder.map((id) => s.runs[id].spec));
}

/** Saves the comparison as it is now (called when a run finishes). */
export async function keepRuns(storage: TextStorage): Promise<void> {
  await storage.put(comparisonFile().text).catch(() => undefined);
}

/** Shows the kept runs when the page opened on their link; true when it did. */
export async function restoreRuns(storage: TextStorage): Promise<boolean> {
  const text = await storage.get().catch(() => null);
  if (!text) return false;
  const read = readComparisonJson(text);
  if ('error' in read) return false;
  const kept = parseComparison(read.doc.link, CATALOG);
  if (runsKey(kept.shared, kept.specs) !== currentKey()) return false;
  // Only into an untouched page: a run started meanwhile wins.
  const s = store.getState();
  if (s.runOrder.some((id) => s.runs[id].runId !== null)) return false;
  showResults(read.doc, 'Restored from your last visit: the results as they ended (press Train to run again).');
  return true;
}

/** Calls keepRuns whenever a run has just finished. */
export function keepOnFinish(storage: TextStorage): () => void {
  return store.subscribe((s, prev) => {
    const finished = s.runOrder.some((id) => s.runs[id].status === 'finished' && prev.runs[id]?.status !== 'finished' && !s.runs[id].runId?.startsWith('imported:'));
    if (finished) void keepRuns(storage);
  });
}

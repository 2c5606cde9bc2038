/**
 * Growing and keeping a comparison: add a run, duplicate the focused one to change one setting
 * ("what if"), copy the link, save the comparison as a file and open one again.
 */
import { useRef, useState } from 'react';
import { addRun, comparisonFile, duplicateRun, importComparison } from '../../state/compareActions';
import { MAX_RUNS } from '../../state/comparisonLink';
import { useStore } from '../../state/store';
import { downloadBlob } from '../export/download';

export function CompareButtons() {
  const count = useStore((s) => s.runOrder.length);
  const focused = useStore((s) => s.focusedRunId);
  const hasResults = useStore((s) => s.runOrder.some((id) => s.runs[id].snapshot !== null));
  const fileRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const full = count >= MAX_RUNS;
  const say = (error: string | null, done: string): void => setMessage(error ? { text: error, error: true } : { text: done, error: false });

  const copyLink = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(location.href);
      say(null, 'Link copied: it opens this comparison with the same data, methods, parameters and seed.');
    } catch {
      say(null, `Copy this link: ${location.href}`);
    }
  };
  const save = (): void => {
    const file = comparisonFile();
    downloadBlob(file.fileName, new Blob([file.text], { type: 'application/json' }));
    say(null, `Saved ${file.fileName}.`);
  };
  const open = async (f: File | undefined): Promise<void> => {
    if (!f) return;
    const error = importComparison(await f.text());
    say(error, `Opened ${f.name}: the runs as they were saved (press Train to run them again).`);
    if (fileRef.current) fileRef.current.value = '';
  };

  return (
    <div className="compare-buttons" role="group" aria-label="Comparison">
      <button type="button" data-testid="add-run" onClick={() => say(addRun(), 'Added a run: choose its method and settings on the left.')} disabled={full} title={full ? `At most ${MAX_RUNS} runs` : 'Add a run with another method, on the same data, sample and seed'}>
        + Add run
      </button>
      <button type="button" data-testid="what-if" onClick={() => say(duplicateRun(focused), 'Duplicated: change one setting on the left and train both.')} disabled={full} title="Duplicate the focused run to change one setting and compare">
        What if…
      </button>
      <button type="button" data-testid="copy-link" onClick={() => void copyLink()}>
        Copy link
      </button>
      <button type="button" data-testid="export-comparison" onClick={save} disabled={!hasResults} title="Settings, metrics and final clusters of every run, as one JSON file">
        Save comparison
      </button>
      <button type="button" data-testid="import-comparison" onClick={() => fileRef.current?.click()} title="Open a saved comparison (JSON)">
        Open comparison…
      </button>
      <input ref={fileRef} type="file" accept=".json,application/json" className="visually-hidden" data-testid="import-file" tabIndex={-1} aria-hidden="true" onChange={(e) => void open(e.target.files?.[0])} />
      {message && (
        <p className={message.error ? 'compare-status error small' : 'compare-status muted small'} role="status" data-testid="compare-status">
          {message.text}
        </p>
      )}
    </div>
  );
}

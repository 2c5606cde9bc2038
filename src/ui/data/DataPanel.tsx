/**
 * "Your data": open files or a folder (or drop them anywhere), watch them load, see what was
 * skipped and why, and change how images are preprocessed with a preview of the result.
 */
import { useRef } from 'react';
import { loadDroppedFiles } from '../../state/dataActions';
import { useStore } from '../../state/store';
import type { UserDataState } from '../../state/userData';
import { shownMessage, shownPath } from '../shownText';
import { dataSummary } from './dataSummary';
import { PixelsCanvas } from './PixelsCanvas';
import { PreprocessControls } from './PreprocessControls';
import { fromFileList } from './readDrop';

/** Longer lists are cut, with a count of the rest. */
const PROBLEMS_SHOWN = 50;

function Problems({ problems }: { problems: UserDataState['problems'] }) {
  if (problems.length === 0) return null;
  return (
    <details className="problems" data-testid="data-problems">
      <summary>
        {problems.length} file{problems.length === 1 ? '' : 's'} skipped
      </summary>
      <ul>
        {problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
          <li key={i}>
            <code>{shownPath(p.path)}</code>: {shownMessage(p.message)}
          </li>
        ))}
        {problems.length > PROBLEMS_SHOWN && <li>… and {problems.length - PROBLEMS_SHOWN} more</li>}
      </ul>
    </details>
  );
}

export function DataPanel() {
  const u = useStore((s) => s.userData);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const loading = u.status === 'loading';
  const text = dataSummary(u);
  const pick = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    loadDroppedFiles(fromFileList(input.files));
    input.value = '';
  };
  return (
    <section className="panel data-panel" aria-labelledby="data-title" data-testid="data-panel">
      <h2 id="data-title">Your data</h2>
      <p className="help">Drop images, a folder (sub-folders become labels), a .zip, or MNIST IDX / CIFAR-10 / CSV / .npy files anywhere on the page.</p>
      <div className="button-row">
        <button type="button" onClick={() => filesInput.current?.click()} disabled={loading}>
          Open files…
        </button>
        <button type="button" onClick={() => folderInput.current?.click()} disabled={loading}>
          Open folder…
        </button>
      </div>
      <input ref={filesInput} type="file" multiple hidden data-testid="data-files-input" onChange={(e) => pick(e.currentTarget)} />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        data-testid="data-folder-input"
        // Not in React's typings: lets the picker choose a whole folder (paths in webkitRelativePath).
        {...{ webkitdirectory: '' }}
        onChange={(e) => pick(e.currentTarget)}
      />
      {loading && u.progress && (
        <div className="data-progress" data-testid="data-progress" role="status">
          <progress value={u.progress.done} max={Math.max(1, u.progress.total)} />
          <span>
            {u.progress.stage} {u.progress.done.toLocaleString('en')} / {u.progress.total.toLocaleString('en')}
          </span>
        </div>
      )}
      {u.error && (
        <p className="error" role="alert" data-testid="data-error">
          {shownMessage(u.error)}
          {u.info && ' The previously loaded data is still there.'}
        </p>
      )}
      {text && (
        <p className="data-summary" data-testid="data-summary">
          {text}
        </p>
      )}
      {u.notices.length > 0 && (
        <ul className="notices" data-testid="data-notices">
          {u.notices.map((n, i) => (
            <li key={i}>{shownMessage(n)}</li>
          ))}
        </ul>
      )}
      <Problems problems={u.problems} />
      {(u.info?.image || !u.info) && <PreprocessControls disabled={loading} />}
      {u.info?.image && u.preview.length > 0 && (
        <div className="preview" data-testid="data-preview" aria-label="A few images after preprocessing">
          {u.preview.map((p, i) => (
            <PixelsCanvas key={i} pixels={p} shape={u.info!.image!} className="thumb" />
          ))}
        </div>
      )}
    </section>
  );
}

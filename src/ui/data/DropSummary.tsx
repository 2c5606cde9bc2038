/**
 * Right after a drop, at the top of the page: what loaded, what was skipped, and what to do next —
 * the data panel itself sits below the fold on most screens. Gone once read or once a run starts.
 */
import { dismissDropSummary, start } from '../../state/actions';
import { useStore } from '../../state/store';
import { dataSummary } from './dataSummary';

export function DropSummary() {
  const u = useStore((s) => s.userData);
  const text = dataSummary(u);
  if (!u.fresh || !text) return null;
  const skipped = u.problems.length;
  return (
    <div className="message message-info drop-summary" role="status" data-testid="drop-summary">
      <b>Loaded</b> {text}.
      {skipped > 0 && ` ${skipped} file${skipped === 1 ? ' was' : 's were'} skipped (listed under Your data).`}
      {u.notices.length > 0 && ` ${u.notices.length} note${u.notices.length === 1 ? '' : 's'} under Your data.`} Next: choose a prior and press{' '}
      <b>Train</b>.
      <span className="drop-summary-actions">
        <button type="button" className="primary" onClick={start} data-testid="drop-train">
          Train now
        </button>
        <button type="button" onClick={dismissDropSummary}>
          Dismiss
        </button>
      </span>
    </div>
  );
}

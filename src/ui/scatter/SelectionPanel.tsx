/**
 * The brushed points: how many, counts by cluster and by label, their images (capped), and an
 * export of the selection as CSV. Esc or Clear empties it.
 */
import { useMemo } from 'react';
import { clearSelection } from '../../state/scatterActions';
import { useStore } from '../../state/store';
import { shownLabel } from '../shownText';
import { countBy, positionsOfRows, selectionCsv, type CountRow } from './selection';
import { Thumbnail } from './Thumbnail';
import { useShown } from './useShown';
import { useRun } from '../run/RunContext';

const MAX_THUMBS = 60;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoked after the click has been handled, or the download may find nothing.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function CountTable({ title, rows, testId }: { title: string; rows: CountRow[]; testId: string }) {
  return (
    <table className="count-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col" className="num">points</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{shownLabel(r.name)}</td>
            <td className="num" data-testid={`${testId}-count`}>
              {r.count}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SelectionPanel() {
  const rows = useStore((s) => s.scatter.selection);
  const selecting = useStore((s) => s.scatter.selecting);
  const ready = useRun((r) => r.ready);
  const shown = useShown();
  // The selection is kept as dataset rows (linked across runs); this run's sample positions of them.
  const selection = useMemo(() => (rows && ready ? positionsOfRows(rows, ready.indices) : null), [rows, ready]);
  const assignment = shown?.assignment ?? null;

  const byCluster = useMemo(() => (selection ? countBy(selection, assignment, (c) => `cluster ${c}`) : []), [selection, assignment]);
  const byLabel = useMemo(
    () => (selection && ready?.labels ? countBy(selection, ready.labels, (y) => ready.dataset.classNames?.[y] ?? `class ${y}`) : []),
    [selection, ready],
  );

  if (!rows && !selecting) return null;
  if (!selection || !ready || !shown) {
    return (
      <section className="panel selection-panel" aria-labelledby="selection-title" data-testid="selection-panel">
        <h2 id="selection-title">Selection</h2>
        <p className="muted small">Drag a rectangle on the plot to select points. Esc clears the selection.</p>
      </section>
    );
  }

  const onExport = (): void =>
    download(
      'priorscope-selection.csv',
      selectionCsv(selection, {
        indices: ready.indices,
        assignment,
        labels: ready.labels,
        confidence: shown.confidence,
        coords: shown.coords,
        classNames: ready.dataset.classNames,
      }),
    );
  const thumbs = ready.pixels && ready.dataset.image ? Array.from(selection.subarray(0, MAX_THUMBS)) : [];
  const more = selection.length - thumbs.length;

  return (
    <section className="panel selection-panel" aria-labelledby="selection-title" data-testid="selection-panel">
      <div className="panel-head">
        <h2 id="selection-title">
          Selection: <span data-testid="selection-count">{selection.length}</span> <span className="muted">points</span>
        </h2>
        <div className="run-buttons">
          <button type="button" data-testid="selection-export" onClick={onExport}>
            Export CSV
          </button>
          <button type="button" data-testid="selection-clear" onClick={clearSelection} title="Clear the selection (Esc)">
            Clear
          </button>
        </div>
      </div>
      <div className="selection-body">
        <div className="selection-tables">
          <CountTable title="cluster" rows={byCluster} testId="sel-cluster" />
          {byLabel.length > 0 && <CountTable title="label" rows={byLabel} testId="sel-label" />}
        </div>
        {thumbs.length > 0 && (
          <div className="thumb-grid" data-testid="selection-thumbs">
            {thumbs.map((i) => (
              <Thumbnail key={i} ready={ready} index={i} className="thumb" title={`#${ready.indices[i]}`} />
            ))}
            {more > 0 && <span className="thumb-more muted">+{more} more</span>}
          </div>
        )}
      </div>
    </section>
  );
}

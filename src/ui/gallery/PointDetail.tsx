/**
 * The point detail: one sample point (clicked on the scatter or in the gallery) with its image,
 * file name, cluster, confidence and true label, and its nearest neighbours in the learned
 * embedding; clicking a neighbour moves the detail to it. Escape or the close button closes it,
 * and focus goes back to where it was when the detail opened.
 */
import { useEffect, useMemo, useRef } from 'react';
import { nearestNeighbours } from '../../state/exports/nearest';
import { pathsOfRun, rowLabel } from '../../state/exports/rowNames';
import type { ReadyInfo } from '../../state/run';
import type { Snapshot } from '../../core/engine/types';
import { useStore } from '../../state/store';
import { Thumbnail } from '../scatter/Thumbnail';
import { shownLabel, shownPath } from '../shownText';
import { clusterColoring } from './clusterColors';
import { closePointDetail, showPointDetail, usePointDetail } from './pointDetailStore';
import { ThumbButton } from './ThumbButton';
import { useRun } from '../run/RunContext';

const NEIGHBOURS = 8;

function closeAndRefocus(opener: Element | null): void {
  closePointDetail();
  if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
}

interface CardProps {
  ready: ReadyInfo;
  /** Position in the sample. */
  index: number;
  snapshot: Snapshot | null;
  /** Source paths of the run's rows (dropped data), else null. */
  paths: readonly string[] | null;
}

export function PointDetailCard({ ready, index, snapshot, paths }: CardProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);
  const focusHeadingNext = useRef(false);

  useEffect(() => {
    // Whatever had focus when the detail opened (a thumbnail, the plot) gets it back on close.
    opener.current = document.activeElement;
    // Capture phase, and stopped there: Escape closes the detail first, and only a second Escape
    // clears the scatter's selection (handled by a window listener in the bubble phase).
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.ctrlKey || e.metaKey || e.altKey) return;
      e.stopPropagation();
      closeAndRefocus(opener.current);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    // After moving to a neighbour the clicked button is gone: keep keyboard users in the detail.
    if (focusHeadingNext.current) headingRef.current?.focus();
    focusHeadingNext.current = false;
  }, [index]);

  const embeddingFits = !!snapshot && snapshot.embedDim > 0 && snapshot.embedding.length === ready.indices.length * snapshot.embedDim;
  const neighbours = useMemo(
    () => (snapshot && embeddingFits ? nearestNeighbours(snapshot.embedding, snapshot.embedDim, index, NEIGHBOURS) : []),
    [snapshot, embeddingFits, index],
  );
  const assignment = snapshot?.assignment ?? null;
  const colors = useMemo(() => clusterColoring(ready, assignment).legend.map((e) => e.color), [ready, assignment]);

  const { dataset } = ready;
  const row = ready.indices[index];
  const name = shownPath(paths?.[row] ?? `#${row}`);
  const cluster = assignment?.[index];
  const confidence = snapshot?.confidence?.[index];
  const y = ready.labels?.[index];
  const label = y === undefined || y < 0 ? null : shownLabel(dataset.classNames?.[y] ?? String(y));
  const hasImage = !!dataset.image && !!ready.pixels;

  const goTo = (next: number): void => {
    focusHeadingNext.current = true;
    showPointDetail(next, ready.indices);
  };

  return (
    <section className="panel point-detail" data-testid="point-detail" data-index={index} aria-labelledby="point-detail-title">
      <div className="panel-head">
        <h2 id="point-detail-title" ref={headingRef} tabIndex={-1}>
          Point <span data-testid="point-detail-name">{name}</span>
        </h2>
        <button type="button" className="icon" data-testid="point-detail-close" aria-label="Close the point detail (Esc)" title="Close (Esc)" onClick={() => closeAndRefocus(opener.current)}>
          ×
        </button>
      </div>
      <div className="point-detail-body">
        {hasImage && <Thumbnail ready={ready} index={index} className="detail-image" title={name} />}
        <dl className="detail-facts">
          <dt>file</dt>
          <dd data-testid="point-detail-file">{shownPath(rowLabel(row, dataset.id, paths))}</dd>
          <dt>cluster</dt>
          <dd data-testid="point-detail-cluster">
            {cluster === undefined || cluster < 0 ? (
              '—'
            ) : (
              <>
                <span className="swatch" style={{ background: colors[cluster] }} aria-hidden="true" /> {cluster}
              </>
            )}
          </dd>
          <dt>confidence</dt>
          <dd data-testid="point-detail-confidence">{confidence === undefined ? '—' : confidence.toFixed(3)}</dd>
          {label !== null && (
            <>
              <dt>true label</dt>
              <dd data-testid="point-detail-label">{label}</dd>
            </>
          )}
        </dl>
      </div>
      <h3 className="detail-subtitle">
        Nearest {neighbours.length} in the learned embedding <span className="muted">(Euclidean, among the sample)</span>
      </h3>
      {neighbours.length === 0 ? (
        <p className="muted small">No embedding yet.</p>
      ) : (
        <ol className="neighbour-list" data-testid="point-neighbours">
          {neighbours.map((nb) => {
            const nbRow = ready.indices[nb.index];
            const nbName = shownPath(paths?.[nbRow] ?? `#${nbRow}`);
            const distance = nb.distance.toPrecision(3);
            return (
              <li key={nb.index}>
                <ThumbButton
                  ready={ready}
                  index={nb.index}
                  label={`Neighbour ${nbName}, distance ${distance}, cluster ${assignment?.[nb.index] ?? '—'}: show it`}
                  caption={hasImage ? distance : `${nbName} · ${distance}`}
                  testId="point-neighbour"
                  onSelect={goTo}
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Mounts the detail only while a point of the current run is chosen. */
export function PointDetail() {
  const ready = useRun((r) => r.ready);
  const snapshot = useRun((r) => r.snapshot);
  const allPaths = useStore((s) => s.userData.paths);
  const index = usePointDetail(ready?.indices ?? null);
  if (!ready || index === null) return null;
  const paths = pathsOfRun(ready.dataset.id, ready.dataset.n, { paths: allPaths });
  return <PointDetailCard ready={ready} index={index} snapshot={snapshot} paths={paths} />;
}

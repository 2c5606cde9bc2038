/**
 * The cluster gallery: one row per cluster with its most confident sample images and, flagged,
 * its least confident ones (where mistakes hide). Collapsed by default; nothing is computed or
 * drawn while it is closed. It follows the latest snapshot (a few times a second at most, never
 * per animation frame). Clicking an image opens the point detail.
 */
import { useMemo, useState } from 'react';
import type { ReadyInfo } from '../../state/run';
import { shownLabel } from '../shownText';
import { clusterColoring } from './clusterColors';
import { galleryRows, type GalleryRow } from './galleryRows';
import { showPointDetail, usePointDetail } from './pointDetailStore';
import { ThumbButton } from './ThumbButton';
import { useRun } from '../run/RunContext';

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function ClusterRow({ row, ready, color, current }: { row: GalleryRow; ready: ReadyInfo; color: string; current: number | null }) {
  const { cluster, size, majority, thumbs } = row;
  const className = (y: number): string => shownLabel(ready.dataset.classNames?.[y] ?? `class ${y}`);
  const select = (index: number): void => showPointDetail(index, ready.indices);
  const firstFlagged = thumbs.findIndex((t) => t.flagged);
  return (
    <li className="gallery-row" data-testid={`gallery-cluster-${cluster}`}>
      <div className="gallery-row-head">
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        <h3>
          Cluster {cluster} — {size} {size === 1 ? 'point' : 'points'} <span className="muted">(in the sample)</span>
        </h3>
        {majority && (
          <span className="muted small" data-testid="gallery-majority">
            mostly <b>{className(majority.label)}</b> ({percent(majority.share)})
          </span>
        )}
      </div>
      {thumbs.length === 0 ? (
        <p className="muted small">No sample point is in this cluster.</p>
      ) : (
        <div className="gallery-thumbs">
          {thumbs.map((t, at) => {
            const conf = t.confidence === null ? '' : t.confidence.toFixed(2);
            const row = ready.indices[t.index];
            const label = t.flagged ? `Point #${row}, least confident: ${conf}` : `Point #${row}${conf ? `, confidence ${conf}` : ''}`;
            return (
              <ThumbButton
                key={t.index}
                ready={ready}
                index={t.index}
                label={label}
                title={t.flagged ? `least confident: ${conf}` : conf ? `confidence ${conf}` : `#${row}`}
                className={at === firstFlagged ? 'gallery-flag-start' : undefined}
                flagged={t.flagged}
                current={t.index === current}
                testId="gallery-thumb"
                onSelect={select}
              />
            );
          })}
        </div>
      )}
    </li>
  );
}

/** The open gallery's rows (exported for tests; ClusterGallery is what the page mounts). */
export function GalleryBody({ ready, assignment, confidence }: { ready: ReadyInfo; assignment: Int32Array; confidence: Float32Array | null }) {
  const rows = useMemo(() => galleryRows({ assignment, confidence, labels: ready.labels, k: ready.k }), [assignment, confidence, ready]);
  const colors = useMemo(() => clusterColoring(ready, assignment).legend.map((e) => e.color), [ready, assignment]);
  const current = usePointDetail(ready.indices);
  return (
    <div id="gallery-body">
      <p className="muted small">
        Each row: the cluster's most confident images, then (outlined) its least confident ones, where mistakes hide. Click an image for its
        details and nearest neighbours.
      </p>
      <ul className="gallery-rows">
        {rows.map((row) => (
          <ClusterRow key={row.cluster} row={row} ready={ready} color={colors[row.cluster] ?? '#9aa0a6'} current={current} />
        ))}
      </ul>
    </div>
  );
}

export function ClusterGallery() {
  const ready = useRun((r) => r.ready);
  const assignment = useRun((r) => r.snapshot?.assignment ?? null);
  const confidence = useRun((r) => r.snapshot?.confidence ?? null);
  const [open, setOpen] = useState(false);
  if (!ready || !ready.dataset.image || !ready.pixels || !assignment) return null;
  return (
    <section className="panel gallery-panel" data-testid="cluster-gallery" aria-labelledby="gallery-title">
      <h2 id="gallery-title">
        <button
          type="button"
          className="gallery-toggle"
          data-testid="gallery-toggle"
          aria-expanded={open}
          aria-controls="gallery-body"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Cluster gallery <span className="muted">({ready.k} clusters)</span>
        </button>
      </h2>
      {open && <GalleryBody ready={ready} assignment={assignment} confidence={confidence} />}
    </section>
  );
}

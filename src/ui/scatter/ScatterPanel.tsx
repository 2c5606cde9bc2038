/**
 * A run's embedding scatter: a React shell (toolbar, legend, hover card, timeline, side views)
 * around the canvas renderer. Frames reach the renderer through a transient store subscription,
 * so React does not re-render while points glide; it re-renders only when colours, the
 * selection or the hover change. `compact` is the comparison grid's card: the plot and a legend,
 * while the toolbar is shared above the grid. Brushing and hovering are linked across runs by
 * dataset row, so the same points light up in every run's plot.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { focusRun } from '../../state/compareActions';
import { hoverRow, linkedHover } from '../../state/linkedHover';
import { setSelection } from '../../state/scatterActions';
import { runOf, store, useStore } from '../../state/store';
import { showPointDetail } from '../gallery/pointDetailStore';
import { useRun, useRunId } from '../run/RunContext';
import { computeColoring } from './colors';
import { COLOR_CHOICES } from './ColorToggle';
import { HoverCard } from './HoverCard';
import { neighbourMarks } from './neighbourMarks';
import { Legend } from './Legend';
import { createScatterRenderer, type ScatterRenderer } from './renderer';
import { ScatterToolbar } from './ScatterToolbar';
import { positionsOfRows, rowsOfPositions, selectionMask } from './selection';
import { shownCoords } from './shown';
import { Timeline } from './Timeline';
import { useReference } from './useReference';
import { useReplay, useShown } from './useShown';
import { ViewsPanel } from './ViewsPanel';
import { projectionTitle } from './projectionTitle';
import { findMethod } from '../../core/methods';

const PREVIEW_TITLE = 'k-means of the current embedding — a preview until the method has clusters';

interface Hover {
  index: number;
  x: number;
  y: number;
}

/** Beside the pointer, flipped to the other side near the right or bottom edge. */
function cardPosition(h: Hover, wrap: HTMLElement | null): { left: number; top: number } {
  const w = wrap?.clientWidth ?? Infinity;
  const ht = wrap?.clientHeight ?? Infinity;
  return { left: h.x > w - 200 ? h.x - 190 : h.x + 14, top: h.y > ht - 130 ? h.y - 120 : h.y + 14 };
}

export function ScatterPanel({ compact = false }: { compact?: boolean }) {
  const id = useRunId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const rendererRef = useRef<ScatterRenderer | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const pressedAt = useRef<{ x: number; y: number } | null>(null);

  const focused = useStore((s) => s.focusedRunId === id);
  const labelled = useRun((r) => r.ready === null || r.ready.labels !== null);
  // The focused run is what the others are compared with: it shows its own clusters; data
  // without labels has no true label to colour by.
  const colorBy = useStore((s) => {
    const wanted = s.colorBy === 'disagree' && focused ? 'cluster' : s.colorBy;
    return !labelled && (wanted === 'label' || wanted === 'correct') ? 'cluster' : wanted;
  });
  const view = useStore((s) => s.scatter);
  const ready = useRun((r) => r.ready);
  const frameMethod = useRun((r) => r.frame?.method ?? null);
  const status = useRun((r) => r.status);
  const projection = useStore((s) => s.settings.projection);
  const replay = useReplay();
  const shown = useShown();
  const reference = useReference(ready?.indices ?? null);
  // Before the method has clusters (pretraining), the k-means preview of the current embedding.
  const preview = useRun((r) => r.snapshot?.preview ?? null);
  const previewing = !shown?.assignment && shown?.live === true && preview !== null;
  const assignment = shown?.assignment ?? (previewing ? preview.assignment : null);
  const confidence = shown?.confidence ?? null;

  const coloring = useMemo(
    () =>
      computeColoring({
        colorBy,
        assignment,
        confidence,
        labels: ready?.labels ?? null,
        k: ready?.k ?? 0,
        numClasses: ready?.dataset.numClasses ?? 0,
        classNames: ready?.dataset.classNames,
        reference,
      }),
    [colorBy, assignment, confidence, ready, reference],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    const wrap = wrapRef.current;
    if (!canvas || !wrap) return;
    const r = createScatterRenderer(canvas, { axes: svgRef.current });
    rendererRef.current = r;
    const coordsNow = (): Float32Array | null => {
      const s = store.getState();
      return shownCoords(runOf(s, id), s.focusedRunId === id ? s.scatter.replay : null);
    };
    let coords = coordsNow();
    if (coords) r.setFrame(coords);
    // Transient: a new frame (live or replayed) goes straight to the renderer, not through React.
    const unsubscribe = store.subscribe(() => {
      const next = coordsNow();
      if (next === coords) return;
      coords = next;
      if (next) r.setFrame(next);
      else {
        r.clear();
        setHover(null);
      }
    });
    const ro = new ResizeObserver(([entry]) => r.resize(entry.contentRect.width, entry.contentRect.height));
    ro.observe(wrap);
    return () => {
      ro.disconnect();
      unsubscribe();
      r.destroy();
      rendererRef.current = null;
    };
  }, [id]);

  // Each dataset row's place in the sample.
  const positionOf = useMemo(() => {
    const m = new Map<number, number>();
    ready?.indices.forEach((row, i) => m.set(row, i));
    return m;
  }, [ready]);
  // A neighbourhood method's mined neighbours of the sample points (dataset rows).
  const neighbours = useRun((r) => r.snapshot?.neighbours ?? null);

  // The point hovered in any run's plot, ringed in this one too, with this run's mined neighbours.
  useEffect(() => {
    if (!ready) return;
    const mark = (row: number | null): void => {
      const position = row === null ? -1 : (positionOf.get(row) ?? -1);
      rendererRef.current?.setMarked(position);
      rendererRef.current?.setNeighbours(position >= 0 && neighbours ? neighbourMarks(neighbours, position, positionOf).positions : null);
    };
    mark(linkedHover.getState().row);
    return linkedHover.subscribe((h) => mark(h.row));
  }, [ready, positionOf, neighbours]);
  const hoverNeighbours = hover && neighbours ? neighbourMarks(neighbours, hover.index, positionOf) : null;

  useEffect(() => rendererRef.current?.setColors(coloring.slots, coloring.colors), [coloring]);
  useEffect(() => rendererRef.current?.setStyle(view.pointSize, view.pointOpacity), [view.pointSize, view.pointOpacity]);
  useEffect(() => {
    const indices = ready?.indices;
    rendererRef.current?.setSelecting(view.selecting, (positions) => setSelection(indices ? rowsOfPositions(positions, indices) : null));
  }, [view.selecting, ready]);
  const n = shown ? shown.coords.length / 2 : 0;
  useEffect(() => {
    const mask = view.selection && ready ? selectionMask(positionsOfRows(view.selection, ready.indices), n) : null;
    rendererRef.current?.setEmphasis(mask);
  }, [view.selection, n, ready]);

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    if (e.buttons) return; // dragging: a pan or a brush, not a hover
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const index = rendererRef.current?.pick(x, y) ?? -1;
    hoverRow(index >= 0 && ready ? ready.indices[index] : null);
    if (index < 0) {
      if (hover) setHover(null);
    } else if (!hover || hover.index !== index || Math.abs(hover.x - x) + Math.abs(hover.y - y) > 24) {
      setHover({ index, x, y });
    }
  };

  // A click without a drag on a point opens its detail; a drag pans (or brushes) instead.
  const onClick = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const start = pressedAt.current;
    pressedAt.current = null;
    if (view.selecting || !ready || (start && Math.abs(e.clientX - start.x) + Math.abs(e.clientY - start.y) > 4)) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const index = rendererRef.current?.pick(e.clientX - rect.left, e.clientY - rect.top) ?? -1;
    focusRun(id);
    if (index >= 0) showPointDetail(index, ready.indices);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLCanvasElement>): void => {
    const r = rendererRef.current;
    if (!r) return;
    if (e.key === '+' || e.key === '=') r.zoomBy(1.5);
    else if (e.key === '-') r.zoomBy(1 / 1.5);
    else if (e.key === '0') r.resetZoom();
    else return;
    e.preventDefault();
  };

  const method = useRun((r) => findMethod(r.spec.method));
  const title = projectionTitle(frameMethod ?? projection, method, !!ready?.dataset.image);
  const empty =
    status === 'idle'
      ? 'Press Train to watch the embedding form.'
      : status === 'error' || status === 'stopped'
        ? 'No snapshot was taken.'
        : 'Waiting for the first snapshot…';
  const legendTitle = previewing && colorBy !== 'label' ? PREVIEW_TITLE : (COLOR_CHOICES.find((c) => c.value === colorBy)?.title ?? '');

  const plot = (
    <div className="scatter-wrap" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        data-testid="scatter"
        data-points="0"
        data-frame="0"
        data-selecting={view.selecting}
        tabIndex={0}
        role="img"
        aria-label="Scatter plot of the learned embedding. Scroll or +/− to zoom, drag to pan (or to select in selection mode), 0 to reset; hover a point for details, click it to open them."
        onMouseMove={onMove}
        onPointerDown={(e) => (pressedAt.current = { x: e.clientX, y: e.clientY })}
        onClick={onClick}
        onMouseLeave={() => {
          setHover(null);
          hoverRow(null);
        }}
        onKeyDown={onKeyDown}
      />
      <svg ref={svgRef} className="scatter-axes" aria-hidden="true" />
      {frameMethod === null && <div className="scatter-empty">{empty}</div>}
      {hover && ready && (
        <HoverCard index={hover.index} {...cardPosition(hover, wrapRef.current)} ready={ready} assignment={assignment} confidence={confidence} soft={shown?.soft ?? null} neighbours={hoverNeighbours} />
      )}
      <div className="zoom-buttons">
        <button type="button" aria-label="Zoom in" onClick={() => rendererRef.current?.zoomBy(1.5)}>+</button>
        <button type="button" aria-label="Zoom out" onClick={() => rendererRef.current?.zoomBy(1 / 1.5)}>−</button>
        <button type="button" aria-label="Reset zoom" onClick={() => rendererRef.current?.resetZoom()}>⟲</button>
      </div>
    </div>
  );

  if (compact) {
    return (
      <div className="scatter-compact" data-frame-method={frameMethod ?? projection} data-replay={replay !== null}>
        <p className="scatter-caption small muted" data-testid="scatter-title">
          {title}
        </p>
        {plot}
        <Legend entries={coloring.legend} title={legendTitle} mode={colorBy} compact />
      </div>
    );
  }
  return (
    <section className="panel scatter-panel" aria-labelledby="scatter-title">
      <div className="panel-head">
        <h2 id="scatter-title">
          Embedding <span className="muted" data-testid="scatter-title">({title})</span>
        </h2>
        <ScatterToolbar />
      </div>
      <div className="scatter-body">
        <div className="scatter-main">
          {plot}
          <Timeline />
        </div>
        {view.showViews && <ViewsPanel coloring={coloring} />}
        <Legend entries={coloring.legend} title={legendTitle} mode={colorBy} />
      </div>
    </section>
  );
}

/**
 * The embedding scatter: a React shell (title, colour toggle, legend, hover card) around the
 * canvas renderer. Frames reach the renderer through a transient store subscription, so React
 * does not re-render while points glide; it re-renders only when colours or the hover change.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { setColorBy } from '../../state/actions';
import { store, useStore } from '../../state/store';
import { computeColoring } from './colors';
import { ColorToggle } from './ColorToggle';
import { HoverCard } from './HoverCard';
import { Legend } from './Legend';
import { createScatterRenderer, type ScatterRenderer } from './renderer';

interface Hover {
  index: number;
  x: number;
  y: number;
}

/** Beside the pointer, flipped to the other side near the right or bottom edge. */
function cardPosition(h: Hover, wrap: HTMLElement | null): { left: number; top: number } {
  const w = wrap?.clientWidth ?? Infinity;
  const ht = wrap?.clientHeight ?? Infinity;
  return { left: h.x > w - 190 ? h.x - 180 : h.x + 14, top: h.y > ht - 120 ? h.y - 110 : h.y + 14 };
}

export function ScatterPanel() {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const rendererRef = useRef<ScatterRenderer | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  const colorBy = useStore((s) => s.colorBy);
  const assignment = useStore((s) => s.run.snapshot?.assignment ?? null);
  const ready = useStore((s) => s.run.ready);
  const frameMethod = useStore((s) => s.run.frame?.method ?? null);
  const status = useStore((s) => s.run.status);
  const projection = useStore((s) => s.settings.projection);

  const coloring = useMemo(
    () =>
      computeColoring({
        colorBy,
        assignment,
        labels: ready?.labels ?? null,
        k: ready?.k ?? 0,
        numClasses: ready?.dataset.numClasses ?? 0,
        classNames: ready?.dataset.classNames,
      }),
    [colorBy, assignment, ready],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    const svg = svgRef.current;
    const wrap = wrapRef.current;
    if (!canvas || !svg || !wrap) return;
    const r = createScatterRenderer(canvas, svg);
    rendererRef.current = r;
    const first = store.getState().run.frame;
    if (first) r.setFrame(first.coords);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.run.frame === prev.run.frame) return;
      if (s.run.frame) r.setFrame(s.run.frame.coords);
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
  }, []);

  useEffect(() => {
    rendererRef.current?.setColors(coloring.slots, coloring.colors);
  }, [coloring]);

  // 'c' toggles the colouring from anywhere except text fields.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (e.key !== 'c' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (t && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return;
      setColorBy(store.getState().colorBy === 'cluster' ? 'label' : 'cluster');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const index = rendererRef.current?.pick(x, y) ?? -1;
    if (index < 0) {
      if (hover) setHover(null);
    } else if (!hover || hover.index !== index || Math.abs(hover.x - x) + Math.abs(hover.y - y) > 24) {
      setHover({ index, x, y });
    }
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

  const shown = frameMethod ?? projection;
  const empty =
    status === 'idle'
      ? 'Press Train to watch the embedding form.'
      : status === 'error' || status === 'stopped'
        ? 'No snapshot was taken.'
        : 'Waiting for the first snapshot…';

  return (
    <section className="panel scatter-panel" aria-labelledby="scatter-title">
      <div className="panel-head">
        <h2 id="scatter-title">
          Embedding <span className="muted">({shown === 'umap' ? 'UMAP' : 'PCA'} of the learned features)</span>
        </h2>
        <ColorToggle />
      </div>
      <div className="scatter-body">
        <div className="scatter-wrap" ref={wrapRef}>
          <canvas
            ref={canvasRef}
            data-testid="scatter"
            data-points="0"
            data-frame="0"
            tabIndex={0}
            role="img"
            aria-label="Scatter plot of the learned embedding. Scroll or +/− to zoom, drag to pan, 0 to reset; hover a point for details."
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
            onKeyDown={onKeyDown}
          />
          <svg ref={svgRef} className="scatter-axes" aria-hidden="true" />
          {frameMethod === null && <div className="scatter-empty">{empty}</div>}
          {hover && ready && <HoverCard index={hover.index} {...cardPosition(hover, wrapRef.current)} ready={ready} assignment={assignment} />}
          <div className="zoom-buttons">
            <button type="button" aria-label="Zoom in" onClick={() => rendererRef.current?.zoomBy(1.5)}>+</button>
            <button type="button" aria-label="Zoom out" onClick={() => rendererRef.current?.zoomBy(1 / 1.5)}>−</button>
            <button type="button" aria-label="Reset zoom" onClick={() => rendererRef.current?.resetZoom()}>⟲</button>
          </div>
        </div>
        <Legend entries={coloring.legend} title={colorBy === 'cluster' ? 'Predicted cluster' : 'True label'} />
      </div>
    </section>
  );
}

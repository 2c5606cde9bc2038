/**
 * Small multiples beside the embedding, as in the DCSS paper's figures: the same sample
 * projected from the raw input and from the soft-assignment space, coloured like the main plot
 * and dimmed by the same selection (brushing links all three).
 */
import { useEffect, useRef } from 'react';
import type { SideView } from '../../state/run';
import { runOf, store, useStore } from '../../state/store';
import { useRun, useRunId } from '../run/RunContext';
import type { Coloring } from './colors';
import { createScatterRenderer, type ScatterRenderer } from './renderer';
import { positionsOfRows, selectionMask } from './selection';

const VIEWS: { view: SideView; title: string; help: string }[] = [
  { view: 'input', title: 'Raw input', help: 'Projection of the raw features: what the data looks like before any learning.' },
  { view: 'assignment', title: 'Assignment space', help: 'Projection of the soft cluster assignments: how decided each point is.' },
];

function MiniScatter({ view, title, help, coloring }: { view: SideView; title: string; help: string; coloring: Coloring }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<ScatterRenderer | null>(null);
  const id = useRunId();
  const has = useRun((r) => !!r.views[view]);
  const selection = useStore((s) => s.scatter.selection);
  const indices = useRun((r) => r.ready?.indices ?? null);
  const opacity = useStore((s) => s.scatter.pointOpacity);

  useEffect(() => {
    const canvas = canvasRef.current;
    const wrap = wrapRef.current;
    if (!canvas || !wrap) return;
    const r = createScatterRenderer(canvas, { zoomable: false });
    rendererRef.current = r;
    let coords = runOf(store.getState(), id).views[view]?.coords ?? null;
    if (coords) r.setFrame(coords);
    const unsubscribe = store.subscribe((s) => {
      const next = runOf(s, id).views[view]?.coords ?? null;
      if (next === coords) return;
      coords = next;
      if (next) r.setFrame(next);
      else r.clear();
    });
    const ro = new ResizeObserver(([entry]) => r.resize(entry.contentRect.width, entry.contentRect.height));
    ro.observe(wrap);
    return () => {
      ro.disconnect();
      unsubscribe();
      r.destroy();
      rendererRef.current = null;
    };
  }, [view, id]);

  useEffect(() => rendererRef.current?.setColors(coloring.slots, coloring.colors), [coloring]);
  // Small panels: smaller points than the main plot's automatic size.
  useEffect(() => rendererRef.current?.setStyle(2, opacity), [opacity]);
  useEffect(() => {
    const n = runOf(store.getState(), id).views[view]?.n ?? 0;
    rendererRef.current?.setEmphasis(selection && n && indices ? selectionMask(positionsOfRows(selection, indices), n) : null);
  }, [selection, view, has, id, indices]);

  return (
    <figure className="mini-view" title={help} data-testid={`view-${view}`}>
      <div className="mini-wrap" ref={wrapRef}>
        <canvas ref={canvasRef} role="img" aria-label={`${title} projection`} />
        {!has && <div className="scatter-empty small">waiting…</div>}
      </div>
      <figcaption className="small">{title}</figcaption>
    </figure>
  );
}

export function ViewsPanel({ coloring }: { coloring: Coloring }) {
  return (
    <div className="views-panel" aria-label="Other projections of the same points">
      {VIEWS.map((v) => (
        <MiniScatter key={v.view} {...v} coloring={coloring} />
      ))}
    </div>
  );
}

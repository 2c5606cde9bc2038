/** Actions of the scatter's view state: point style, selection, replay, side views. */
import { store, type ScatterView } from './store';

function patch(p: Partial<ScatterView>): void {
  store.setState((s) => ({ scatter: { ...s.scatter, ...p } }));
}

export function setPointSize(size: number): void {
  patch({ pointSize: Math.max(0, Math.min(12, size)) });
}

export function setPointOpacity(opacity: number): void {
  patch({ pointOpacity: Math.max(0.05, Math.min(1, opacity)) });
}

export function setSelecting(selecting: boolean): void {
  patch({ selecting });
}

export function setSelection(selection: Int32Array | null): void {
  patch({ selection: selection && selection.length > 0 ? selection : null });
}

export function clearSelection(): void {
  patch({ selection: null });
}

/** Replays a stored frame (by frameId); null returns to following training. */
export function setReplay(frameId: number | null): void {
  patch({ replay: frameId });
}

export function setShowViews(showViews: boolean): void {
  patch({ showViews });
}

/** A new or reset run: its sample differs, so an old selection or replay means nothing. */
export function resetRunView(): void {
  patch({ selection: null, replay: null });
}

/**
 * The data point under the mouse in any run's scatter, as a dataset row, so every other run's
 * plot can ring the same point. A tiny store of its own: it changes on every mouse move, and
 * only the canvases (not React) listen.
 */
import { createStore } from 'zustand/vanilla';

export const linkedHover = createStore<{ row: number | null }>()(() => ({ row: null }));

export function hoverRow(row: number | null): void {
  if (linkedHover.getState().row !== row) linkedHover.setState({ row });
}

/** Page-wide keys of the scatter: c cycles the colouring, s toggles selection mode, Esc clears the selection. */
import { useEffect } from 'react';
import { setColorBy } from '../../state/actions';
import { clearSelection, setSelecting } from '../../state/scatterActions';
import { hasLabels, store } from '../../state/store';
import { nextColorBy } from './ColorToggle';

export function useScatterKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      const typing = !!t && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) && (t as HTMLInputElement).type !== 'range';
      const state = store.getState();
      const { colorBy, scatter, runOrder } = state;
      if (e.key === 'Escape') {
        if (scatter.selection) clearSelection();
        else if (scatter.selecting) setSelecting(false);
        return;
      }
      if (typing) return;
      if (e.key === 'c') setColorBy(nextColorBy(colorBy, runOrder.length, hasLabels(state)));
      else if (e.key === 's') setSelecting(!scatter.selecting);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

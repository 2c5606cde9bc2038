/**
 * The tour's keys, wherever the focus is: → or N next, ← or B back, Escape closes. Not while
 * typing in a field or moving a slider or radio with the arrows, and not inside a dialog (a family
 * card handles its own Escape).
 */
import { useEffect } from 'react';
import { closeTour, nextTourStep, previousTourStep } from '../../state/tour/tourActions';

const ACTIONS: Record<string, () => void> = {
  ArrowRight: nextTourStep,
  n: nextTourStep,
  N: nextTourStep,
  ArrowLeft: previousTourStep,
  b: previousTourStep,
  B: previousTourStep,
  Escape: closeTour,
};

export function useTourKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = ACTIONS[e.key];
      if (!action || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) || t.isContentEditable || t.closest('dialog'))) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

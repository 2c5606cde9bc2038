/** The shown data as a React value: re-renders per snapshot or replay step, never per animation frame. */
import { useMemo } from 'react';
import { useStore } from '../../state/store';
import { useRun, useRunId } from '../run/RunContext';
import { shownData, type Shown } from './shown';

/** The replayed frame applies to the focused run only; the others show their live frame. */
export function useReplay(): number | null {
  const id = useRunId();
  return useStore((s) => (s.focusedRunId === id ? s.scatter.replay : null));
}

export function useShown(): Shown | null {
  const replay = useReplay();
  const timeline = useRun((r) => r.timeline);
  const frame = useRun((r) => r.frame);
  const snapshot = useRun((r) => r.snapshot);
  return useMemo(() => shownData(replay, { timeline, frame, snapshot }), [replay, timeline, frame, snapshot]);
}

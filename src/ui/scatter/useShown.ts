/** The shown data as a React value: re-renders per snapshot or replay step, never per animation frame. */
import { useMemo } from 'react';
import { useStore } from '../../state/store';
import { shownData, type Shown } from './shown';

export function useShown(): Shown | null {
  const replay = useStore((s) => s.scatter.replay);
  const timeline = useStore((s) => s.run.timeline);
  const frame = useStore((s) => s.run.frame);
  const snapshot = useStore((s) => s.run.snapshot);
  return useMemo(() => shownData(replay, { timeline, frame, snapshot }), [replay, timeline, frame, snapshot]);
}

/**
 * For the 'disagree' colouring: the focused run's clusters of this run's sample points (matched by
 * dataset row, −1 where its sample lacks a point), and its name. Null for the focused run itself,
 * in other colourings, and before the focused run has clusters.
 */
import { useMemo } from 'react';
import { runOf, useStore } from '../../state/store';
import { useRunId } from '../run/RunContext';
import { useRunTitles } from '../compare/useRunTitles';

export function useReference(indices: Int32Array | null): { assignment: Int32Array; name: string } | null {
  const id = useRunId();
  const other = useStore((s) => (s.colorBy === 'disagree' && s.focusedRunId !== id ? runOf(s, s.focusedRunId) : null));
  const assignment = other?.snapshot?.assignment ?? null;
  const theirs = other?.ready?.indices ?? null;
  const titles = useRunTitles();
  const name = other ? (titles[other.id] ?? other.spec.method) : '';
  return useMemo(() => {
    if (!assignment || !theirs || !indices) return null;
    const clusterOf = new Map<number, number>();
    theirs.forEach((row, i) => clusterOf.set(row, assignment[i]));
    return { assignment: Int32Array.from(indices, (row) => clusterOf.get(row) ?? -1), name };
  }, [assignment, theirs, indices, name]);
}

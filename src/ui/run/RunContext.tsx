/**
 * Which run a panel is about: the comparison grid gives each card its run, the detail panels get
 * the focused one. Panels read their run through `useRun`, never through a global.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { RunState } from '../../state/run';
import { runOf, useStore, type AppState } from '../../state/store';

const RunIdContext = createContext<string | null>(null);

export function RunProvider({ id, children }: { id: string; children: ReactNode }) {
  return <RunIdContext.Provider value={id}>{children}</RunIdContext.Provider>;
}

/** The id of the run this panel is about (the focused run outside any provider). */
export function useRunId(): string {
  const given = useContext(RunIdContext);
  const focused = useStore((s) => s.focusedRunId);
  return given ?? focused;
}

/** A value of this panel's run; re-renders only when that value changes. */
export function useRun<T>(select: (run: RunState, s: AppState) => T): T {
  const id = useRunId();
  return useStore((s) => select(runOf(s, id), s));
}

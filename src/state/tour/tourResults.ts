/**
 * The tour's runs as the pointer reads them: each step's run (or, for a run that left the
 * comparison to make room, its numbers as they were then) reduced to name, state, ACC and how
 * well each digit is kept together in the shown sample.
 */
import { family } from '../../core/methods/families';
import { classRecall, type ClassRecall } from '../../core/metrics/classRecall';
import { CATALOG } from '../catalog';
import type { RunState } from '../run';
import type { AppState } from '../store';
import type { TourResult } from './tourPointer';
import type { TourState } from './tourState';

// One recall per snapshot assignment: the selector runs on every store change.
const recalls = new WeakMap<Int32Array, ClassRecall>();

function recallOf(run: RunState): ClassRecall | null {
  const assignment = run.snapshot?.assignment;
  const labels = run.ready?.labels;
  if (!assignment || !labels || assignment.length !== labels.length) return null;
  let r = recalls.get(assignment);
  if (!r) recalls.set(assignment, (r = classRecall(labels, assignment)));
  return r;
}

export function resultOf(run: RunState): TourResult {
  const method = CATALOG.methods.find((m) => m.id === run.spec.method);
  const state = run.status === 'error' ? 'failed' : run.status === 'finished' || run.status === 'stopped' ? 'done' : 'training';
  return {
    method: run.spec.method,
    name: method?.name ?? run.spec.method,
    family: method ? family(method.family).name : '',
    state,
    acc: run.snapshot?.metrics?.acc ?? null,
    recall: recallOf(run),
  };
}

/** The results of the tour's runs by method id: those in the comparison, then the quoted ones. */
export function tourResults(s: AppState, tour: TourState): Record<string, TourResult> {
  const out: Record<string, TourResult> = { ...tour.quoted };
  for (const id of Object.values(tour.added)) {
    const run = s.runs[id];
    if (run) out[run.spec.method] = resultOf(run);
  }
  return out;
}

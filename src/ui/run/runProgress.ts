/**
 * The run's progress as people read it: one step count (over all phases, as the timeline shows),
 * how far the whole run is (training samples of all gradient phases, done of planned), and about
 * how long is left at the run's mean speed so far. Pure, so it is tested.
 */
import type { RunState } from '../../state/run';

export interface RunProgress {
  /** 0..1 over the whole run; 1 once finished. */
  overall: number;
  /** This phase's share done (of its steps, or of the long work it reports), or null for a phase without either (k-means). */
  phase: number | null;
  globalStep: number;
  /** Seconds left at the mean speed so far; null before the speed is known, or when done. */
  secondsLeft: number | null;
}

export function runProgress(run: Pick<RunState, 'status' | 'progress' | 'speed'>): RunProgress | null {
  const p = run.progress;
  if (!p) return null;
  const finished = run.status === 'finished';
  const { done, total } = p.overall;
  const work = p.work && p.work.total > 0 ? Math.min(1, p.work.done / p.work.total) : null;
  // A run without gradient steps (a backbone's features, then k-means) is as far as its long work.
  const overall = finished ? 1 : total > 0 ? Math.min(1, done / total) : (work ?? 0);
  const speed = run.speed.count > 0 ? run.speed.sum / run.speed.count : 0;
  const left = Math.max(0, total - done);
  return {
    overall,
    phase: work ?? (p.steps > 0 ? Math.min(1, p.step / p.steps) : null),
    globalStep: p.globalStep,
    secondsLeft: finished || speed <= 0 || total === 0 ? null : left / speed,
  };
}

/** "about 40 s left", "about 3 min left"; rounded as a person would say it. */
export function timeLeftText(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(5, Math.round(seconds / 5) * 5)} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${(seconds / 3600).toFixed(1)} h left`;
}

/**
 * Train / Pause / Resume / Stop / Reset for every run at once (each comparison card has its own
 * too): native buttons, keyboard-usable, enabled by the runs' status.
 */
import { pause, reset, resume, start, stop } from '../../state/actions';
import { isActive } from '../../state/run';
import { useStore, type AppState } from '../../state/store';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';

function summary(s: AppState) {
  const runs = s.runOrder.map((id) => s.runs[id]);
  return {
    count: runs.length,
    anyIdle: runs.some((r) => !isActive(r.status)),
    anyActive: runs.some((r) => isActive(r.status)),
    anyRunning: runs.some((r) => r.status === 'running'),
    anyPaused: runs.some((r) => r.status === 'paused'),
    anyTrained: runs.some((r) => r.runId !== null),
  };
}

/** Key T trains, wherever the focus is (but in a text field). */
function useTrainKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 't' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) && (t as HTMLInputElement).type !== 'range') return;
      e.preventDefault();
      start();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function RunButtons() {
  const s = useStore(useShallow(summary));
  useTrainKey();
  const all = s.count > 1 ? ' all' : '';
  return (
    <div className="run-buttons" role="group" aria-label="Run controls">
      <button
        type="button"
        className="primary"
        data-testid="train"
        onClick={start}
        disabled={!s.anyIdle}
        aria-keyshortcuts="t"
        title={s.count > 1 ? `Train the ${s.count} runs side by side (key T)` : 'Train (key T)'}
      >
        {s.anyTrained && !s.anyActive ? `Train${all} again` : `Train${all}`}
      </button>
      <button type="button" data-testid="pause" onClick={pause} disabled={!s.anyRunning}>
        Pause{all}
      </button>
      <button type="button" data-testid="resume" onClick={resume} disabled={!s.anyPaused}>
        Resume{all}
      </button>
      <button type="button" data-testid="stop" onClick={stop} disabled={!s.anyActive}>
        Stop{all}
      </button>
      <button type="button" data-testid="reset" onClick={reset} disabled={!s.anyTrained} title="Clear the plots (cancels running runs)">
        Reset
      </button>
    </div>
  );
}

/** Train / Pause / Resume / Stop / Reset: native buttons (keyboard-usable), enabled by run status. */
import { pause, reset, resume, start, stop } from '../../state/actions';
import { isActive } from '../../state/run';
import { useStore } from '../../state/store';

export function RunButtons() {
  const status = useStore((s) => s.run.status);
  const hasRun = useStore((s) => s.run.runId !== null);
  const active = isActive(status);
  return (
    <div className="run-buttons" role="group" aria-label="Run controls">
      <button type="button" className="primary" data-testid="train" onClick={start} disabled={active}>
        {hasRun && !active ? 'Train again' : 'Train'}
      </button>
      <button type="button" data-testid="pause" onClick={pause} disabled={status !== 'running'}>
        Pause
      </button>
      <button type="button" data-testid="resume" onClick={resume} disabled={status !== 'paused'}>
        Resume
      </button>
      <button type="button" data-testid="stop" onClick={stop} disabled={!active}>
        Stop
      </button>
      <button type="button" data-testid="reset" onClick={reset} disabled={!hasRun} title="Clear the plots (cancels a running run)">
        Reset
      </button>
    </div>
  );
}

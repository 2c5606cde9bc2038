/**
 * The timeline scrubber: a slider over the stored frames of the run (arrow keys step through
 * them) and a Live button that returns to following training.
 */
import { setReplay } from '../../state/scatterActions';
import { useStore } from '../../state/store';
import { indexOfFrame } from '../../state/timeline';
import { useRun } from '../run/RunContext';

export function Timeline() {
  const timeline = useRun((r) => r.timeline);
  const replay = useStore((s) => s.scatter.replay);
  if (timeline.length === 0) return null;
  const last = timeline.length - 1;
  const index = replay === null ? last : Math.max(0, indexOfFrame(timeline, replay));
  const f = timeline[index];
  const live = replay === null;
  return (
    <div className="timeline" data-testid="timeline" data-live={live}>
      <label className="timeline-slider">
        <span className="visually-hidden">Replay a stored frame</span>
        <input
          type="range"
          min={0}
          max={last}
          step={1}
          value={index}
          disabled={last === 0}
          data-testid="timeline-slider"
          aria-valuetext={`frame ${index + 1} of ${last + 1}, step ${f.step}`}
          onChange={(e) => setReplay(timeline[Number(e.target.value)].frameId)}
        />
      </label>
      <span className="timeline-label small muted" data-testid="timeline-label">
        frame {index + 1}/{last + 1} · step {f.step}
        {f.phase && ` · ${f.phase}`}
      </span>
      <button
        type="button"
        className={live ? 'toggle on' : 'toggle'}
        aria-pressed={live}
        data-testid="timeline-live"
        title="Follow training (the newest frame)"
        onClick={() => setReplay(null)}
      >
        ● Live
      </button>
    </div>
  );
}

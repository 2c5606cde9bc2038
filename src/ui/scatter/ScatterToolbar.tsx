/** The scatter's controls: colouring, point size and opacity, selection mode, side views. */
import { setPointOpacity, setPointSize, setSelecting, setShowViews } from '../../state/scatterActions';
import { useStore } from '../../state/store';
import { ColorToggle } from './ColorToggle';
import { useScatterKeys } from './useScatterKeys';

/** `views`: offer the side views (the single-run plot has room for them, comparison cards do not). */
export function ScatterToolbar({ views = true }: { views?: boolean }) {
  // The keys work wherever the toolbar is: above the single plot or above the comparison grid.
  useScatterKeys();
  const size = useStore((s) => s.scatter.pointSize);
  const opacity = useStore((s) => s.scatter.pointOpacity);
  const selecting = useStore((s) => s.scatter.selecting);
  const showViews = useStore((s) => s.scatter.showViews);
  return (
    <div className="scatter-toolbar">
      <ColorToggle />
      <label className="slider" title="Point size in pixels (0 = automatic)">
        size
        <input
          type="range"
          min={0}
          max={10}
          step={0.5}
          value={size}
          data-testid="point-size"
          aria-valuetext={size === 0 ? 'automatic' : `${size} pixels`}
          onChange={(e) => setPointSize(Number(e.target.value))}
        />
      </label>
      <label className="slider" title="Point opacity">
        opacity
        <input
          type="range"
          min={0.05}
          max={1}
          step={0.05}
          value={opacity}
          data-testid="point-opacity"
          onChange={(e) => setPointOpacity(Number(e.target.value))}
        />
      </label>
      <button
        type="button"
        className={selecting ? 'toggle on' : 'toggle'}
        aria-pressed={selecting}
        data-testid="select-mode"
        title="Selection mode: drag a rectangle to select points (key: s; Esc clears)"
        onClick={() => setSelecting(!selecting)}
      >
        ⬚ Select
      </button>
      {views && (
      <button
        type="button"
        className={showViews ? 'toggle on' : 'toggle'}
        aria-pressed={showViews}
        data-testid="views-toggle"
        title="Show the raw-input and assignment-space projections beside the embedding"
        onClick={() => setShowViews(!showViews)}
      >
        Views
      </button>
      )}
    </div>
  );
}

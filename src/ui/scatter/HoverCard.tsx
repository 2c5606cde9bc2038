/** The point under the mouse: its image (when the dataset is images), label, cluster and soft assignment. */
import type { ReadyInfo } from '../../state/run';
import { shownLabel } from '../shownText';
import type { NeighbourMarks } from './neighbourMarks';
import { Thumbnail } from './Thumbnail';

interface Props {
  index: number;
  /** Position of the card's top-left corner in the plot box. */
  left: number;
  top: number;
  ready: ReadyInfo;
  assignment: Int32Array | null;
  confidence: Float32Array | null;
  /** sample × k soft assignment, when the snapshot carries it. */
  soft: Float32Array | null;
  /** The point's mined neighbours in the plot, when the method mines them. */
  neighbours: NeighbourMarks | null;
}

const BARS_W = 120;
const BARS_H = 30;

/** Bar chart of one point's soft assignment over the k clusters; its argmax stands out. */
function SoftBars({ p, chosen }: { p: Float32Array; chosen: number }) {
  const k = p.length;
  const w = BARS_W / k;
  return (
    <svg width={BARS_W} height={BARS_H + 10} className="soft-bars" data-testid="soft-bars" aria-label="Soft assignment over the clusters">
      {Array.from(p, (v, c) => (
        <rect
          key={c}
          x={c * w + 0.5}
          y={BARS_H - Math.max(0.5, v * BARS_H)}
          width={Math.max(0.5, w - 1)}
          height={Math.max(0.5, v * BARS_H)}
          fill={c === chosen ? '#2f6fde' : '#b8c0cc'}
        />
      ))}
      <line x1={0} x2={BARS_W} y1={BARS_H + 0.5} y2={BARS_H + 0.5} stroke="#c5cad3" />
      <text x={0} y={BARS_H + 9} className="soft-axis">0</text>
      <text x={BARS_W} y={BARS_H + 9} textAnchor="end" className="soft-axis">{k - 1}</text>
    </svg>
  );
}

export function HoverCard({ index, left, top, ready, assignment, confidence, soft, neighbours }: Props) {
  const label = ready.labels?.[index];
  const name = label === undefined ? null : shownLabel(ready.dataset.classNames?.[label] ?? String(label));
  const cluster = assignment?.[index];
  const conf = confidence?.[index];
  const k = ready.k;
  const row = soft && soft.length >= (index + 1) * k ? soft.subarray(index * k, (index + 1) * k) : null;
  return (
    <div className="hover-card" data-testid="hover-card" style={{ left, top }} role="tooltip">
      <Thumbnail ready={ready} index={index} className="hover-image" />
      <div className="hover-text">
        <div>
          <span className="muted">point</span> #{ready.indices[index] ?? index}
        </div>
        {name !== null && (
          <div>
            <span className="muted">label</span> <b>{name}</b>
          </div>
        )}
        <div>
          <span className="muted">cluster</span> <b>{cluster === undefined || cluster < 0 ? '—' : cluster}</b>
          {conf !== undefined && <span className="muted"> · p = {conf.toFixed(2)}</span>}
        </div>
        {row && <SoftBars p={row} chosen={cluster ?? -1} />}
        {neighbours && (
          <div className="small" data-testid="hover-neighbours">
            {neighbours.positions.length} of {neighbours.k} neighbours shown
            {neighbours.positions.length < neighbours.k && <span className="muted"> (the others are outside the plotted sample)</span>}
          </div>
        )}
      </div>
    </div>
  );
}

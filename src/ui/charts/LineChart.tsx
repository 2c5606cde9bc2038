/**
 * A small multi-series line chart: D3 computes the scales, ticks and paths, React renders the SVG.
 * It re-renders once per snapshot (a few times a second at most), never per animation frame.
 */
import { extent, line, scaleLinear, scaleLog } from 'd3';
import { useWidth } from './useWidth';

export interface Series {
  name: string;
  color: string;
  points: { x: number; y: number }[];
  /** Drawn dashed (a preview, not the method's own result). */
  dashed?: boolean;
}

interface Props {
  series: Series[];
  ariaLabel: string;
  height?: number;
  /** Fixed y range (e.g. [0, 1] for metrics); otherwise fitted to the data. */
  yDomain?: [number, number];
  logY?: boolean;
  xLabel?: string;
  testId?: string;
}

const M = { top: 6, right: 8, bottom: 20, left: 40 };

function fmt(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a < 0.01 || a >= 1e4)) return v.toExponential(0);
  return String(Number(v.toPrecision(3)));
}

export function LineChart({ series, ariaLabel, height = 120, yDomain, logY = false, xLabel = 'step', testId }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y) && (!logY || p.y > 0));
  const [x0 = 0, x1 = 1] = extent(all, (p) => p.x);
  const [y0 = 0, y1 = 1] = yDomain ?? extent(all, (p) => p.y);
  const x = scaleLinear()
    .domain([x0, x1 > x0 ? x1 : x0 + 1])
    .range([M.left, width - M.right]);
  const yRange: [number, number] = [height - M.bottom, M.top];
  const y = logY && y0 > 0
    ? scaleLog().domain([y0, y1 > y0 ? y1 : y0 * 10]).range(yRange).nice()
    : scaleLinear().domain([y0, y1 > y0 ? y1 : y0 + 1]).range(yRange).nice();
  const path = line<{ x: number; y: number }>()
    .defined((p) => Number.isFinite(p.y) && (!logY || p.y > 0))
    .x((p) => x(p.x))
    .y((p) => y(p.y));

  return (
    <div className="line-chart" ref={ref} data-testid={testId}>
      <svg width={width} height={height} role="img" aria-label={ariaLabel}>
        {y.ticks(4).map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x1={M.left} x2={width - M.right} className="grid" />
            <text x={M.left - 4} dy="0.32em" textAnchor="end" className="tick">
              {fmt(t)}
            </text>
          </g>
        ))}
        {x
          .ticks(Math.max(2, Math.floor(width / 90)))
          .filter((t) => x(t) < width - M.right - 36) // leave room for the axis name
          .map((t) => (
          <text key={`x${t}`} x={x(t)} y={height - 6} textAnchor="middle" className="tick">
            {fmt(t)}
          </text>
        ))}
        <text x={width - M.right} y={height - 6} textAnchor="end" className="tick axis-name">
          {xLabel}
        </text>
        {series.map((s) => (
          <path key={s.name} d={path(s.points) ?? ''} fill="none" stroke={s.color} strokeWidth={1.8} strokeDasharray={s.dashed ? '4 3' : undefined} />
        ))}
      </svg>
      {series.length > 1 && (
        <div className="chart-keys">
          {series.map((s) => (
            <span key={s.name}>
              <span className={s.dashed ? 'swatch line dashed' : 'swatch line'} style={s.dashed ? { borderColor: s.color } : { background: s.color }} aria-hidden="true" />
              {s.name}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

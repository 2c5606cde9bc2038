/**
 * The scatter plot as a standalone SVG: one <circle> per sample point, in a 600 × 600 plot square,
 * coloured like the canvas (the caller passes the same colour slots), with a legend of the
 * clusters to the right. Circles are grouped by colour so the file stays small and editable.
 */
import { forEachChunked, type ChunkOptions } from './chunked';

export const PLOT_SIZE = 600;
const PAD = 16;
const LEGEND_WIDTH = 200;
const LEGEND_ROW = 18;

export interface SvgLegendEntry {
  label: string;
  color: string;
  count: number;
}

export interface ScatterSvgInput {
  /** n × 2 coordinates. */
  coords: Float32Array;
  /** Colour slot per point (−1 = unassigned); null = all unassigned. */
  slots: Int32Array | null;
  colors: readonly string[];
  unassigned: string;
  legend: readonly SvgLegendEntry[];
  title: string;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Same rule as the canvas: bigger dots for fewer points. */
function radius(n: number): number {
  return n <= 2000 ? 2.6 : n <= 10000 ? 1.9 : 1.2;
}

interface Scale {
  x0: number;
  y0: number;
  sx: number;
  sy: number;
}

/** Maps the coordinates' bounding box onto the plot square (y up, as in the canvas). */
function fitScale(coords: Float32Array, n: number): Scale {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = coords[2 * i];
    const y = coords[2 * i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  if (!(xMax >= xMin)) return { x0: 0, y0: 0, sx: 1, sy: 1 };
  const inner = PLOT_SIZE - 2 * PAD;
  return { x0: xMin, y0: yMin, sx: inner / (xMax - xMin || 1), sy: inner / (yMax - yMin || 1) };
}

export async function buildScatterSvg(input: ScatterSvgInput, opts?: ChunkOptions): Promise<string> {
  const { coords, slots, colors } = input;
  const n = Math.floor(coords.length / 2);
  const scale = fitScale(coords, n);
  const r = radius(n);
  // One list of circles per colour slot; index colors.length holds the unassigned points.
  const groups: string[][] = Array.from({ length: colors.length + 1 }, () => []);
  await forEachChunked(
    n,
    (i) => {
      const x = coords[2 * i];
      const y = coords[2 * i + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      const slot = slots?.[i] ?? -1;
      const g = slot >= 0 && slot < colors.length ? slot : colors.length;
      const cx = (PAD + (x - scale.x0) * scale.sx).toFixed(1);
      const cy = (PLOT_SIZE - PAD - (y - scale.y0) * scale.sy).toFixed(1);
      groups[g].push(`<circle cx="${cx}" cy="${cy}" r="${r}"/>`);
    },
    opts,
  );

  const width = PLOT_SIZE + LEGEND_WIDTH;
  const height = Math.max(PLOT_SIZE, PAD * 2 + LEGEND_ROW * (input.legend.length + 1));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect x="0.5" y="0.5" width="${PLOT_SIZE - 1}" height="${PLOT_SIZE - 1}" fill="none" stroke="#e3e6eb"/>`,
  ];
  // Unassigned first, so coloured points are drawn over them.
  const order = [colors.length, ...colors.map((_, s) => s)];
  for (const g of order) {
    if (groups[g].length === 0) continue;
    const fill = g === colors.length ? input.unassigned : colors[g];
    out.push(`<g fill="${escapeXml(fill)}" fill-opacity="0.85">`, ...groups[g], '</g>');
  }
  out.push(`<g transform="translate(${PLOT_SIZE + PAD},${PAD})">`);
  input.legend.forEach((e, row) => {
    const y = row * LEGEND_ROW;
    out.push(
      `<circle cx="5" cy="${y + 6}" r="5" fill="${escapeXml(e.color)}"/>`,
      `<text x="16" y="${y + 10}">${escapeXml(e.label)} (${e.count})</text>`,
    );
  });
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}

/**
 * The cluster assignments as CSV: `file,cluster,confidence,x_sample,y_sample,label`, one record
 * per exported row (every dataset row after the run finished, else the sample). x_sample and
 * y_sample are the scatter's 2-D coordinates, so only the rows of the shown sample have them —
 * the names say so, rather than leaving other rows' cells mysteriously empty. Text is UTF-8;
 * fields are quoted per RFC 4180.
 */
import { forEachChunked, type ChunkOptions } from './chunked';
import { CSV_EOL, csvField } from './csvField';
import type { ExportTable } from './exportTable';
import { rowLabel } from './rowNames';

export const CSV_HEADER = 'file,cluster,confidence,x_sample,y_sample,label';

export interface CsvContext {
  datasetId: string;
  /** Source path of every dataset row (dropped data), else null. */
  paths: readonly string[] | null;
  /** sample × 2 projection coordinates, in the sample's order; null before the first frame. */
  coords: Float32Array | null;
  classNames?: readonly string[];
}

function num(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '' : v.toFixed(4);
}

/** One CSV record (no line ending) for exported row i. */
export function csvRecord(t: ExportTable, ctx: CsvContext, i: number): string {
  const row = t.rows[i];
  const cluster = t.cluster[i];
  const pos = t.samplePos[i];
  const hasXY = ctx.coords !== null && pos >= 0 && 2 * pos + 1 < ctx.coords.length;
  const y = t.labels ? t.labels[i] : -1;
  const label = y >= 0 ? (ctx.classNames?.[y] ?? String(y)) : '';
  return [
    csvField(rowLabel(row, ctx.datasetId, ctx.paths)),
    cluster >= 0 ? String(cluster) : '',
    num(t.confidence?.[i]),
    hasXY ? num(ctx.coords![2 * pos]) : '',
    hasXY ? num(ctx.coords![2 * pos + 1]) : '',
    csvField(label),
  ].join(',');
}

/** The whole file; pauses between chunks of records so a 70,000-row export does not freeze the page. */
export async function buildClusterCsv(t: ExportTable, ctx: CsvContext, opts?: ChunkOptions): Promise<string> {
  const lines: string[] = [CSV_HEADER];
  await forEachChunked(t.rows.length, (i) => lines.push(csvRecord(t, ctx, i)), opts);
  return lines.join(CSV_EOL) + CSV_EOL;
}

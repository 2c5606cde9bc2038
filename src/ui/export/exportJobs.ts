/**
 * The five exports as jobs over the store's current state: each reads what it needs at the moment
 * it is started, builds its file (long loops pause between chunks), and returns the file to save.
 * React is not involved, so the panel only re-renders for its own busy/progress line.
 */
import { buildClusterCsv } from '../../state/exports/csv';
import type { ChunkOptions } from '../../state/exports/chunked';
import { buildClusterZip, type SourceBytes } from '../../state/exports/clusterZip';
import { exportTable } from '../../state/exports/exportTable';
import { exportFileName, pathsOfRun } from '../../state/exports/rowNames';
import { clusterSizes, runJsonText } from '../../state/exports/runJson';
import { buildScatterSvg } from '../../state/exports/scatterSvg';
import type { Settings } from '../../state/params';
import type { RunState } from '../../state/run';
import { runOf, settingsOf, type AppState } from '../../state/store';
import type { UserDataState } from '../../state/userData';
import { clusterColoring } from '../gallery/clusterColors';
import { UNASSIGNED } from '../scatter/colors';
import { samplePngEncoder } from './samplePng';
import { findScatterCanvas, scatterPng } from './scatterPng';

export type ExportKind = 'csv' | 'zip' | 'json' | 'png' | 'svg';

export interface ExportFile {
  fileName: string;
  blob: Blob;
  /** Something worth saying about what the file holds (e.g. only the sample). */
  note?: string;
}

/** What an export reads: one run, the settings it ran with, and the dropped files' names. */
export interface ExportContext {
  run: RunState;
  settings: Settings;
  userData: UserDataState;
}

/** The export context of run `id` as the store has it now. */
export function exportContext(s: AppState, id: string): ExportContext {
  const run = runOf(s, id);
  // The run's own settings: the controls may describe the next run by now.
  return { run, settings: run.settings ?? settingsOf(s, id), userData: s.userData };
}

/** Which exports can run now: all need clusters; the images need pixels, the plots a frame. */
export function exportAvailability(run: RunState): Record<ExportKind, boolean> {
  const { ready, snapshot, frame } = run;
  const clusters = !!ready && !!(snapshot?.assignment || snapshot?.all);
  const images = !!ready?.dataset.image && !!ready.pixels;
  return { csv: clusters, zip: clusters && images, json: clusters, png: clusters && !!frame, svg: clusters && !!frame };
}

/** What every export needs; null when there is nothing to export yet. */
function runParts(s: ExportContext) {
  const { ready, snapshot } = s.run;
  if (!ready || !snapshot) return null;
  const table = exportTable(ready, snapshot);
  if (!table) return null;
  const { settings } = s;
  const name = (ext: string): string => exportFileName(ready.dataset.id, settings.method, settings.seed, ext);
  return { ready, snapshot, table, name, settings, paths: pathsOfRun(ready.dataset.id, ready.dataset.n, s.userData) };
}

function nothing(): never {
  throw new Error('There is nothing to export yet: the run has no clusters.');
}

function scopeNote(scope: 'all' | 'sample', what: string): string | undefined {
  return scope === 'sample' ? `${what} holds the sample only; every row is exported once the run has finished.` : undefined;
}

export async function exportCsv(s: ExportContext, opts: ChunkOptions): Promise<ExportFile> {
  const p = runParts(s) ?? nothing();
  const text = await buildClusterCsv(
    p.table,
    { datasetId: p.ready.dataset.id, paths: p.paths, coords: s.run.frame?.coords ?? null, classNames: p.ready.dataset.classNames },
    opts,
  );
  return { fileName: p.name('csv'), blob: new Blob([text], { type: 'text/csv;charset=utf-8' }), note: scopeNote(p.table.scope, 'The CSV') };
}

export async function exportZip(s: ExportContext, opts: ChunkOptions, sourceBytes?: SourceBytes): Promise<ExportFile> {
  const p = runParts(s) ?? nothing();
  const { dataset } = p.ready;
  const zip = await buildClusterZip(
    {
      table: p.table,
      k: p.ready.k,
      datasetId: dataset.id,
      paths: p.paths,
      source: sourceBytes,
      samplePng: samplePngEncoder(p.ready),
      about: [
        `Priorscope: ${dataset.name} (${dataset.id}), method ${p.settings.method}, seed ${p.settings.seed}, k = ${p.ready.k}.`,
        `Clusters ${p.table.scope === 'all' ? 'of the finished run' : `at step ${p.snapshot.step}`}.`,
      ],
    },
    opts,
  );
  const note = zip.missing > 0 ? `${zip.images} images; ${zip.missing} rows outside the sample have no image (see README.txt).` : `${zip.images} images.`;
  return { fileName: p.name('zip'), blob: new Blob(zip.parts as BlobPart[], { type: 'application/zip' }), note };
}

export async function exportJson(s: ExportContext): Promise<ExportFile> {
  const p = runParts(s) ?? nothing();
  const { run } = s;
  const text = runJsonText({
    dataset: p.ready.dataset,
    settings: p.settings,
    k: p.ready.k,
    status: run.status,
    seconds: run.done?.seconds ?? null,
    snapshot: p.snapshot,
    history: run.history,
    clusterSizes: { scope: p.table.scope, sizes: clusterSizes(p.table.cluster, p.ready.k) },
  });
  return { fileName: p.name('json'), blob: new Blob([text], { type: 'application/json' }) };
}

export async function exportPng(s: ExportContext): Promise<ExportFile> {
  const p = runParts(s) ?? nothing();
  const canvas = findScatterCanvas();
  if (!canvas) throw new Error('The scatter plot is not on the page.');
  return { fileName: p.name('png'), blob: await scatterPng(canvas) };
}

export async function exportSvg(s: ExportContext, opts: ChunkOptions): Promise<ExportFile> {
  const p = runParts(s) ?? nothing();
  const coords = s.run.frame?.coords;
  if (!coords) throw new Error('The scatter plot has no points yet.');
  const coloring = clusterColoring(p.ready, p.snapshot.assignment);
  const svg = await buildScatterSvg(
    {
      coords,
      slots: coloring.slots,
      colors: coloring.colors,
      unassigned: UNASSIGNED,
      legend: coloring.legend,
      title: `${p.ready.dataset.name}: ${p.settings.method}, seed ${p.settings.seed}, step ${p.snapshot.step}`,
    },
    opts,
  );
  return { fileName: p.name('svg'), blob: new Blob([svg], { type: 'image/svg+xml' }) };
}

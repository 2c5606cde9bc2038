/**
 * Downloads of the run: cluster assignments (CSV), images sorted into cluster folders (ZIP), the
 * run and its metrics (JSON), and the scatter plot (PNG as shown, SVG redrawn). One export at a
 * time; long ones show how far they are and never freeze the page.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SourceBytes } from '../../state/exports/clusterZip';
import { store } from '../../state/store';
import { useRun, useRunId } from '../run/RunContext';
import { downloadBlob } from './download';
import { exportAvailability, exportContext, exportCsv, exportJson, exportPng, exportSvg, exportZip, type ExportFile, type ExportKind } from './exportJobs';

export type { SourceBytes };

interface Props {
  /** Original bytes of a dropped file by dataset row; without it the archive holds re-encoded sample images. */
  sourceBytes?: SourceBytes;
}

interface Busy {
  kind: ExportKind;
  /** 0..1 when known. */
  progress: number | null;
}

const LABELS: Record<ExportKind, { text: string; help: string }> = {
  csv: { text: 'CSV', help: 'Every row with its file, cluster, confidence and true label; the scatter position (x_sample, y_sample) for the rows of the shown sample' },
  zip: { text: 'Images (ZIP)', help: 'One folder of images per cluster' },
  json: { text: 'Run (JSON)', help: 'Settings, final metrics and their history' },
  png: { text: 'Plot (PNG)', help: 'The scatter plot as it is shown' },
  svg: { text: 'Plot (SVG)', help: 'The scatter plot coloured by cluster, with a legend, as a vector image' },
};

export function ExportPanel({ sourceBytes }: Props) {
  const hasRun = useRun((r) => r.ready !== null);
  // Shallow-compared, so a new snapshot re-renders the panel only when an answer changes.
  const id = useRunId();
  const enabled = useRun(useShallow((r: Parameters<typeof exportAvailability>[0]) => exportAvailability(r)));
  const hasClusters = enabled.csv;
  const allRows = useRun((r) => !!r.snapshot?.all);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  if (!hasRun) return null;

  const run = async (kind: ExportKind): Promise<void> => {
    setBusy({ kind, progress: null });
    setMessage(null);
    const opts = { onProgress: (done: number, total: number) => setBusy({ kind, progress: total > 0 ? done / total : null }) };
    const state = exportContext(store.getState(), id);
    try {
      const jobs: Record<ExportKind, () => Promise<ExportFile>> = {
        csv: () => exportCsv(state, opts),
        zip: () => exportZip(state, opts, sourceBytes),
        json: () => exportJson(state),
        png: () => exportPng(state),
        svg: () => exportSvg(state, opts),
      };
      const file = await jobs[kind]();
      downloadBlob(file.fileName, file.blob);
      setMessage({ text: `Saved ${file.fileName}${file.note ? `. ${file.note}` : ''}`, error: false });
    } catch (e) {
      setMessage({ text: `Export failed: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel export-panel" data-testid="export-panel" aria-labelledby="export-title">
      <div className="panel-head">
        <h2 id="export-title">
          Export <span className="muted">{hasClusters ? (allRows ? '(every row, final clusters)' : '(the sample, latest snapshot)') : ''}</span>
        </h2>
      </div>
      <div className="export-buttons">
        {(Object.keys(LABELS) as ExportKind[]).map((kind) => (
          <button
            key={kind}
            type="button"
            data-testid={`export-${kind}`}
            disabled={!enabled[kind] || busy !== null}
            title={LABELS[kind].help}
            aria-describedby="export-status"
            onClick={() => void run(kind)}
          >
            {LABELS[kind].text}
          </button>
        ))}
      </div>
      <p id="export-status" className={message?.error ? 'export-status error small' : 'export-status muted small'} role="status" aria-live="polite" data-testid="export-status">
        {busy
          ? `Preparing ${LABELS[busy.kind].text}…${busy.progress !== null ? ` ${Math.round(busy.progress * 100)}%` : ''}`
          : (message?.text ?? (hasClusters ? '' : 'Exports are ready once the run has clusters.'))}
      </p>
    </section>
  );
}

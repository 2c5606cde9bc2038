/**
 * Shown when a CLIP method (SIC, TAC) is chosen: the candidate class names (typed, or a preset
 * list; they go into the link), and where CLIP may come from — a download from huggingface.co
 * only after the user ticks the box (never remembered, never in a link), or a model folder on
 * their machine. A progress bar follows the focused run's download; an offline browser or a
 * missing choice is said before the user presses Train.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { setClassNames } from '../../state/actions';
import { setDownloadConsent, setModelFolder, useModelSource } from '../../state/modelSource';
import { focusedRun, useStore } from '../../state/store';
import { CLIP_DOWNLOAD_MB, CLIP_HUB_MODEL } from '../../core/external/clipModel';
import { CLASS_NAME_PRESETS } from './classNamePresets';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function ClipPanel({ methodId }: { methodId: string }) {
  const names = useStore((s) => s.settings.classNames);
  const joined = (names ?? []).join(', ');
  const [draft, setDraft] = useState(joined);
  // Follow outside changes (a link, a preset) but not while the user types "zero, on".
  useEffect(() => setDraft((d) => (d.split(',').map((n) => n.trim()).filter(Boolean).join(', ') === joined ? d : joined)), [joined]);
  const consent = useModelSource((s) => s.consent);
  const folderInput = useRef<HTMLInputElement>(null);
  const folder = useModelSource((s) => s.folder);
  const online = useOnline();
  const work = useStore((s) => focusedRun(s).progress?.work ?? null);
  const loading = work && /CLIP/.test(work.label) && /downloading|reading/.test(work.label) ? work : null;
  const ids = { names: useId(), preset: useId(), consent: useId(), folder: useId() };
  const needsNames = methodId === 'sic';

  return (
    <details className="group clip-panel" open data-testid="clip-panel">
      <summary>CLIP: class names and model</summary>
      <label htmlFor={ids.names}>Class names (comma-separated)</label>
      <input
        id={ids.names}
        type="text"
        data-testid="clip-class-names"
        value={draft}
        placeholder={needsNames ? 'e.g. zero, one, two, … (one per cluster)' : 'optional: nouns to retrieve from'}
        aria-describedby={`${ids.names}-help`}
        onChange={(e) => {
          setDraft(e.target.value);
          setClassNames(e.target.value);
        }}
      />
      <p className="help" id={`${ids.names}-help`}>
        {needsNames
          ? 'SIC turns each name into a CLIP text centre: give one name per cluster (k).'
          : 'TAC retrieves text for each image from these nouns; without any it uses a short generic list shipped with the app.'}
      </p>
      <label htmlFor={ids.preset}>Pick from a list</label>
      <select
        id={ids.preset}
        data-testid="clip-preset"
        value=""
        onChange={(e) => {
          const preset = CLASS_NAME_PRESETS.find((p) => p.id === e.target.value);
          if (preset) setClassNames(preset.names.join(', '));
        }}
      >
        <option value="">Choose a list…</option>
        {CLASS_NAME_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>

      <fieldset className="clip-source">
        <legend>Where CLIP comes from</legend>
        <div className="clip-consent-row">
          <input id={ids.consent} type="checkbox" data-testid="clip-consent" checked={consent} onChange={(e) => setDownloadConsent(e.target.checked)} />
          <label htmlFor={ids.consent}>
            Download CLIP from huggingface.co (≈ {CLIP_DOWNLOAD_MB} MB, {CLIP_HUB_MODEL}; kept in this browser’s cache)
          </label>
        </div>
        <label htmlFor={ids.folder}>Or choose a local model folder (an ONNX CLIP export)</label>
        <input
          id={ids.folder}
          type="file"
          data-testid="clip-folder"
          // React does not know these attributes; the browser does.
          {...({ webkitdirectory: '', directory: '' } as Record<string, string>)}
          multiple
          ref={folderInput}
          onChange={(e) => setModelFolder([...(e.target.files ?? [])])}
        />
        {folder && (
          <p className="help" data-testid="clip-folder-chosen">
            Using the folder “{folder.name}” ({folder.files.size} files): nothing is downloaded.{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                setModelFolder([]);
                // Cleared, so choosing the same folder again is a change the input reports.
                if (folderInput.current) folderInput.current.value = '';
              }}
            >
              Forget it
            </button>
          </p>
        )}
        {!folder && !consent && (
          <p className="hint" role="status" data-testid="clip-not-allowed">
            CLIP is not bundled with the app: tick the download box, or choose a local model folder, before you train.
          </p>
        )}
        {!folder && consent && !online && (
          <p className="hint" role="alert" data-testid="clip-offline">
            This browser is offline: CLIP cannot be downloaded now. Connect and train again, or choose a local model folder (a model already downloaded is read from the browser’s cache).
          </p>
        )}
      </fieldset>
      {loading && (
        <div className="clip-download" data-testid="clip-download">
          <label>
            {loading.label}
            <progress value={loading.done} max={Math.max(loading.total, 1)} aria-label={`${loading.label}: ${Math.round((100 * loading.done) / Math.max(loading.total, 1))}%`} />
          </label>
          <span className="muted small">
            {(loading.done / 1e6).toFixed(1)} of {(loading.total / 1e6).toFixed(1)} MB
          </span>
        </div>
      )}
    </details>
  );
}

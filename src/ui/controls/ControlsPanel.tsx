/**
 * The settings, generated from the parameter table and the focused run's method ParamSpecs. In a
 * comparison, the run's own settings (method, k, budget, parameters) belong to the focused run
 * and the rest to every run: the panel says which is which.
 */
import { useMemo } from 'react';
import { randomSeed } from '../../state/actions';
import { CATALOG } from '../../state/catalog';
import { controlDefs } from '../../state/controls';
import { findMethodIn, joinSettings } from '../../state/params';
import { isActive } from '../../state/run';
import { focusedRun, useStore } from '../../state/store';
import { USER_DATASET_ID } from '../../state/userData';
import { useRunTitles } from '../compare/useRunTitles';
import { ClipPanel } from './ClipPanel';
import { ParamControl } from './ParamControl';
import { PriorPicker } from './PriorPicker';

/** Shown first, after the prior: what a person chooses for a run. */
const RUN_FIRST = ['method', 'dataset', 'k', 'budget', 'seed'];
const OWN = new Set(['method', 'k', 'budget']);

export function ControlsPanel() {
  const shared = useStore((s) => s.settings);
  const run = useStore(focusedRun);
  const runCount = useStore((s) => s.runOrder.length);
  const anyActive = useStore((s) => s.runOrder.some((id) => isActive(s.runs[id].status)));
  const settings = useMemo(() => joinSettings(shared, run.spec), [shared, run.spec]);
  const kDefault = useStore((s) => {
    const info = s.settings.dataset === USER_DATASET_ID ? s.userData.info : null;
    if (!info) return undefined;
    return info.classNames ? `${info.numClasses} (classes)` : `${info.numClasses} (a default: your data has no labels)`;
  });
  const defs = useMemo(() => controlDefs(settings, CATALOG, kDefault), [settings, kDefault]);
  const dataset = CATALOG.datasets.find((d) => d.id === settings.dataset);
  const method = findMethodIn(CATALOG, settings.method);
  const byKey = new Map(defs.global.map((d) => [d.key, d]));
  const engine = defs.global.filter((d) => !RUN_FIRST.includes(d.key));
  const comparing = runCount > 1;
  const title = useRunTitles()[run.id];

  return (
    <section className="panel controls-panel" aria-labelledby="controls-title">
      <h2 id="controls-title">Settings</h2>
      {comparing && (
        <p className="hint" data-testid="controls-scope">
          Method, k, budget and the method's parameters are those of <b>{title}</b> (the focused run); data, seed and
          the rest are shared by all {runCount} runs.
        </p>
      )}
      {anyActive && <p className="hint">Changes apply to the next training.</p>}
      <PriorPicker />
      {RUN_FIRST.map((key) => {
        const def = byKey.get(key);
        if (!def) return null;
        return (
          <div key={key} className={comparing && OWN.has(key) ? 'own-setting' : undefined}>
            <ParamControl def={def} />
            {key === 'dataset' && dataset?.description && <p className="help">{dataset.description}</p>}
            {key === 'seed' && (
              <button type="button" className="link" onClick={randomSeed}>
                New random seed
              </button>
            )}
          </div>
        );
      })}
      <details className="group" open>
        <summary>Display and engine</summary>
        {engine.map((d) => (
          <ParamControl key={d.key} def={d} />
        ))}
      </details>
      {method?.visionLanguage && <ClipPanel methodId={method.id} />}
      {method && defs.method.length > 0 && (
        <details className="group own-setting" open>
          <summary>
            {method.name} parameters{comparing ? ' (this run)' : ''}
          </summary>
          <p className="help">Empty fields use the value shown, from the '{settings.budget}' budget.</p>
          {defs.method.map((d) => (
            <ParamControl key={`${run.id}-${method.id}-${d.key}`} def={d} />
          ))}
        </details>
      )}
    </section>
  );
}

/** The settings, generated from the parameter table and the selected method's ParamSpecs. */
import { useMemo } from 'react';
import { randomSeed } from '../../state/actions';
import { CATALOG } from '../../state/catalog';
import { controlDefs } from '../../state/controls';
import { findMethodIn } from '../../state/params';
import { isActive } from '../../state/run';
import { useStore } from '../../state/store';
import { ParamControl } from './ParamControl';

export function ControlsPanel() {
  const settings = useStore((s) => s.settings);
  const active = useStore((s) => isActive(s.run.status));
  const defs = useMemo(() => controlDefs(settings, CATALOG), [settings]);
  const dataset = CATALOG.datasets.find((d) => d.id === settings.dataset);
  const method = findMethodIn(CATALOG, settings.method);
  const byKey = new Map(defs.global.map((d) => [d.key, d]));
  const run = ['dataset', 'method', 'k', 'budget', 'seed'];
  const engine = defs.global.filter((d) => !run.includes(d.key));

  return (
    <section className="panel controls-panel" aria-labelledby="controls-title">
      <h2 id="controls-title">Settings</h2>
      {active && <p className="hint">Changes apply to the next run.</p>}
      {run.map((key) => {
        const def = byKey.get(key);
        if (!def) return null;
        return (
          <div key={key}>
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
      {method && defs.method.length > 0 && (
        <details className="group" open>
          <summary>{method.name} parameters</summary>
          <p className="help">Empty fields use the value shown, from the '{settings.budget}' budget.</p>
          {defs.method.map((d) => (
            <ParamControl key={`${method.id}-${d.key}`} def={d} />
          ))}
        </details>
      )}
    </section>
  );
}

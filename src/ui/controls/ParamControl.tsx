/**
 * One generated control: a number input, a select or a checkbox, labelled, with the help text and
 * range as its tooltip. Invalid input is shown next to it and not applied.
 */
import { useEffect, useState } from 'react';
import { setParam } from '../../state/actions';
import type { ControlDef } from '../../state/controls';
import type { Option } from '../../state/params';

/** Consecutive options with the same group, in order (ungrouped options under ''). */
function optionGroups(options: readonly Option[]): [string, Option[]][] {
  const out: [string, Option[]][] = [];
  for (const o of options) {
    const g = o.group ?? '';
    if (out.length && out[out.length - 1][0] === g) out[out.length - 1][1].push(o);
    else out.push([g, [o]]);
  }
  return out;
}

function same(draft: string, value: ControlDef['value']): boolean {
  if (value === null) return draft.trim() === '';
  return draft.trim() !== '' && Number(draft) === value;
}

function NumberInput({ def, id, onError }: { def: ControlDef; id: string; onError: (e: string | null) => void }) {
  const external = def.value === null ? '' : String(def.value);
  const [draft, setDraft] = useState(external);
  // Follow outside changes (a link, a reset) but never fight the user's half-typed '0.' or '1e'.
  useEffect(() => {
    setDraft((d) => (same(d, def.value) ? d : external));
  }, [external, def.value]);
  return (
    <input
      id={id}
      type="number"
      inputMode={def.kind === 'int' ? 'numeric' : 'decimal'}
      data-testid={`param-${def.key}`}
      value={draft}
      min={def.min}
      max={def.max}
      step={def.step}
      placeholder={def.placeholder}
      title={def.help}
      onChange={(e) => {
        setDraft(e.target.value);
        onError(setParam(def.section, def.key, e.target.value));
      }}
    />
  );
}

export function ParamControl({ def }: { def: ControlDef }) {
  const [error, setError] = useState<string | null>(null);
  const id = `ctl-${def.section}-${def.key}`;
  const apply = (raw: string): void => setError(setParam(def.section, def.key, raw));
  let input: React.ReactNode;
  if (def.kind === 'enum') {
    input = (
      <select id={id} data-testid={`param-${def.key}`} value={def.value === null ? '' : String(def.value)} title={def.help} onChange={(e) => apply(e.target.value)}>
        {def.nullable && <option value="">default ({def.placeholder})</option>}
        {optionGroups(def.options ?? []).map(([group, options]) =>
          group ? (
            <optgroup key={group} label={group}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : (
            options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))
          ),
        )}
      </select>
    );
  } else if (def.kind === 'bool') {
    const checked = def.value === null ? def.placeholder === 'true' : def.value === true;
    input = <input id={id} type="checkbox" data-testid={`param-${def.key}`} checked={checked} title={def.help} onChange={(e) => apply(String(e.target.checked))} />;
  } else {
    input = <NumberInput def={def} id={id} onError={setError} />;
  }
  return (
    <div className={`control control-${def.kind}${error ? ' invalid' : ''}`}>
      <label htmlFor={id} title={def.help}>
        {def.label}
      </label>
      <div className="control-input">
        {input}
        {def.section === 'method' && def.value !== null && (
          <button type="button" className="icon" aria-label={`Reset ${def.label} to its default`} title="Back to the default" onClick={() => apply('')}>
            ↺
          </button>
        )}
      </div>
      {error && (
        <div className="control-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

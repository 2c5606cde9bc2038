/**
 * The first choice: the prior — the kind of knowledge a method uses in place of labels. The six
 * families of the survey (and the baselines) as radio buttons, each saying its idea in one
 * sentence; choosing one picks its first method, and the Method list below shows them grouped.
 * Families with no method here yet are listed, disabled, so the map is complete. Each family's
 * "?" opens its card (that works for the disabled ones too: their card says what is coming).
 */
import { FAMILIES, type FamilyId } from '../../core/methods/families';
import { setParam } from '../../state/actions';
import { CATALOG } from '../../state/catalog';
import { focusedRun, useStore } from '../../state/store';
import { FamilyCardButton } from '../teaching/FamilyCardButton';

function methodsOf(id: FamilyId) {
  return CATALOG.methods.filter((m) => m.family === id);
}

export function PriorPicker() {
  const methodId = useStore((s) => focusedRun(s).spec.method);
  const current = CATALOG.methods.find((m) => m.id === methodId)?.family ?? null;
  const chosen = FAMILIES.find((f) => f.id === current);
  const choose = (id: FamilyId): void => {
    const first = methodsOf(id)[0];
    if (first && current !== id) setParam('global', 'method', first.id);
  };
  return (
    <fieldset className="prior-picker" data-testid="prior-picker">
      <legend>
        Prior <span className="muted small">— the knowledge used in place of labels</span>
      </legend>
      <div className="prior-options">
        {FAMILIES.map((f) => {
          const count = methodsOf(f.id).length;
          return (
            <span key={f.id} className="prior-option">
              <label className={f.id === current ? 'on' : count === 0 ? 'none' : ''} title={count ? f.principle : `${f.principle} (no method here yet)`}>
                <input type="radio" name="prior" value={f.id} checked={f.id === current} disabled={count === 0} data-testid={`prior-${f.id}`} onChange={() => choose(f.id)} />
                {f.name}
                <span className="muted small"> {count || '—'}</span>
              </label>
              <FamilyCardButton id={f.id} testId={`prior-card-${f.id}`} label="?" />
            </span>
          );
        })}
      </div>
      {chosen && (
        <p className="prior-idea" data-testid="prior-idea">
          {chosen.principle}
        </p>
      )}
    </fieldset>
  );
}

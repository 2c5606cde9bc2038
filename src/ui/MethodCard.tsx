/**
 * The selected method's card: name and paper, its prior family in one sentence, the method's key
 * equation, what it does in three lines, and how it is known to fail. The family's name opens
 * the family's card (its equation rendered, a diagram, strengths and failure modes).
 */
import { family } from '../core/methods/families';
import { CATALOG } from '../state/catalog';
import { findMethodIn } from '../state/params';
import { focusedRun, useStore } from '../state/store';
import { FamilyCardButton } from './teaching/FamilyCardButton';

export function MethodCard() {
  const methodId = useStore((s) => focusedRun(s).spec.method);
  const method = findMethodIn(CATALOG, methodId);
  if (!method) return null;
  const fam = family(method.family);
  return (
    <section className="panel method-card" aria-labelledby="method-title" data-testid="method-card">
      <h2 id="method-title">{method.name}</h2>
      <p className="paper muted">{method.paper}</p>
      <div className="family">
        <div className="family-name">
          <FamilyCardButton id={fam.id} testId="method-family-card" />
        </div>
        <p className="small">{fam.principle}</p>
      </div>
      <p>{method.summary}</p>
      <code className="equation" data-testid="method-equation">{method.card.equation}</code>
      <ol className="method-steps small">
        {method.card.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="small failure-mode" data-testid="method-failure">
        <strong>Fails when: </strong>
        {method.card.failureMode}
      </p>
    </section>
  );
}

/** The selected method: name, paper, its prior family (principle and key equation), summary. */
import { family } from '../core/methods/families';
import { CATALOG } from '../state/catalog';
import { findMethodIn } from '../state/params';
import { useStore } from '../state/store';

export function MethodCard() {
  const methodId = useStore((s) => s.settings.method);
  const method = findMethodIn(CATALOG, methodId);
  if (!method) return null;
  const fam = family(method.family);
  return (
    <section className="panel method-card" aria-labelledby="method-title" data-testid="method-card">
      <h2 id="method-title">{method.name}</h2>
      <p className="paper muted">{method.paper}</p>
      <p>{method.summary}</p>
      <div className="family">
        <div className="family-name">{fam.name}</div>
        <p className="small">{fam.principle}</p>
        <code className="equation">{fam.equation}</code>
      </div>
    </section>
  );
}

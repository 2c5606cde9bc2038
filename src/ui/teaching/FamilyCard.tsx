/**
 * A prior family's card: its idea in one sentence, its key equation rendered as mathematics, a
 * small diagram, the methods here that use it (or "coming" when there are none yet), and what the
 * prior is good at and how it fails.
 */
import { family, type FamilyId } from '../../core/methods/families';
import { CATALOG } from '../../state/catalog';
import { FamilyDiagram } from './FamilyDiagram';
import { Tex } from './Tex';

export function FamilyCard({ id, headingId }: { id: FamilyId; headingId: string }) {
  const f = family(id);
  const methods = CATALOG.methods.filter((m) => m.family === id);
  return (
    <article className="family-card" data-testid="family-card" data-family={id} data-coming={methods.length === 0}>
      <h2 id={headingId}>
        {f.name}
        {methods.length === 0 && <span className="coming-badge">coming</span>}
      </h2>
      <p className="family-idea">{f.principle}</p>
      <div className="family-math" data-testid="family-equation">
        <Tex tex={f.tex} plain={f.equation} display />
      </div>
      <div className="family-card-body">
        <p className="small muted">{f.where}</p>
        <FamilyDiagram id={id} />
      </div>
      <h3>Methods here</h3>
      {methods.length > 0 ? (
        <ul className="family-methods" data-testid="family-methods">
          {methods.map((m) => (
            <li key={m.id}>
              <b>{m.name}</b> <span className="muted">({m.paper})</span>: {m.summary}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="family-methods">
          None yet: this family is on the map so the picture is complete; its methods are coming.
        </p>
      )}
      <div className="family-pros-cons">
        <div>
          <h3>Strengths</h3>
          <ul data-testid="family-strengths">
            {f.strengths.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Failure modes</h3>
          <ul data-testid="family-failures">
            {f.failureModes.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      </div>
    </article>
  );
}

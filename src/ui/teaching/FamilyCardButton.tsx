/** A button that opens a prior family's card; it names the family (or says "About" when told to). */
import { family, type FamilyId } from '../../core/methods/families';
import { openFamilyCard } from './familyCardStore';

export function FamilyCardButton({ id, testId, label }: { id: FamilyId; testId: string; label?: string }) {
  const name = family(id).name;
  return (
    <button type="button" className="family-card-button" data-testid={testId} data-family={id} aria-label={`${name}: open the prior family's card`} title={`${name}: its idea, equation, methods, strengths and failure modes`} onClick={() => openFamilyCard(id)}>
      {label ?? name}
    </button>
  );
}

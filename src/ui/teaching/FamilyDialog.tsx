/**
 * The open family card, in a modal dialog: the browser's own <dialog> keeps the focus inside it,
 * Escape closes it, and the focus returns to the button that opened it. Previous / next walk
 * the families in the survey's order (handy in a lecture).
 */
import { useEffect, useRef } from 'react';
import { FAMILIES } from '../../core/methods/families';
import { closeFamilyCard, openFamilyCard, useOpenFamily } from './familyCardStore';
import { FamilyCard } from './FamilyCard';

export function FamilyDialog() {
  const open = useOpenFamily();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      // Close first: Enter or Escape leaves at once, Tab reaches the card's neighbours.
      dialog.querySelector<HTMLElement>('[data-testid="family-close"]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const onClose = (): void => {
    closeFamilyCard();
    if (opener.current instanceof HTMLElement) opener.current.focus();
  };

  const index = open ? FAMILIES.findIndex((f) => f.id === open) : -1;
  const go = (delta: number): void => openFamilyCard(FAMILIES[(index + delta + FAMILIES.length) % FAMILIES.length].id);

  return (
    <dialog ref={ref} className="family-dialog" aria-labelledby="family-card-title" data-testid="family-dialog" onClose={onClose}>
      {open && (
        <>
          <FamilyCard id={open} headingId="family-card-title" />
          <div className="family-dialog-nav">
            <button type="button" data-testid="family-prev" onClick={() => go(-1)}>
              ‹ {FAMILIES[(index - 1 + FAMILIES.length) % FAMILIES.length].name}
            </button>
            <button type="button" data-testid="family-next" onClick={() => go(1)}>
              {FAMILIES[(index + 1) % FAMILIES.length].name} ›
            </button>
            <button type="button" className="primary" data-testid="family-close" onClick={() => closeFamilyCard()}>
              Close
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

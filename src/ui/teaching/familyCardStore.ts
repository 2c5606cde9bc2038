/**
 * Which prior family's card is open: view state of the card dialog only (a tiny store of its own,
 * like the point detail's), opened from the prior picker, the method card and every run panel.
 */
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import type { FamilyId } from '../../core/methods/families';

export const familyCardStore = createStore<{ open: FamilyId | null }>()(() => ({ open: null }));

export function openFamilyCard(id: FamilyId): void {
  familyCardStore.setState({ open: id });
}

export function closeFamilyCard(): void {
  familyCardStore.setState({ open: null });
}

export function useOpenFamily(): FamilyId | null {
  return useZustand(familyCardStore, (s) => s.open);
}

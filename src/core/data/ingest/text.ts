/**
 * Wording helpers for messages shown to the user. Numbers are formatted by hand rather than with
 * toLocaleString so that messages (and the tests that check them) are the same in every locale.
 */

/** 20500 → '20,500'. */
export function formatCount(n: number): string {
  const [whole, frac] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** '1 image' / '3 images'. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : nouns}`;
}

/** At most `max` items joined by ', ', then '… and N more' so a long list stays one readable line. */
export function listSome(items: string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${formatCount(items.length - max)} more`;
}

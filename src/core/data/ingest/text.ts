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

/**
 * At most `max` characters, ending in '…' when cut: labels and file names are shown this way, so
 * a 20 MB label cell cannot freeze the page while it is laid out (exports keep the whole text).
 */
export function shortText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair (an emoji, a rare CJK character) in two.
  const end = /[\ud800-\udbff]/.test(text[max - 2]) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

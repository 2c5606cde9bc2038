/** The only file that touches location.hash. */

export function readHash(): string {
  return window.location.hash;
}

/** Replaces the hash without adding a history entry per keystroke. */
export function writeHash(hash: string): void {
  if (typeof window === 'undefined') return; // Node (unit tests): there is no address bar
  const target = hash === '' ? window.location.pathname + window.location.search : `#${hash}`;
  if (window.location.hash.replace(/^#/, '') === hash) return;
  window.history.replaceState(null, '', target);
}

/** Calls back when the user edits the hash by hand (or navigates); returns the unsubscribe. */
export function onHashChange(callback: (hash: string) => void): () => void {
  const listener = (): void => callback(window.location.hash);
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/**
 * The scatter's colouring in the link (`color=label`), so a shared link shows what its sender
 * saw. Kept apart from the run settings: it changes no training. 'cluster', the default, is left
 * out of the link.
 */
import type { ColorBy } from './store';

export const COLOR_MODES: readonly ColorBy[] = ['cluster', 'label', 'confidence', 'correct', 'disagree'];

/** The colouring named in the hash (default 'cluster'), and the hash without it. */
export function colorFromHash(hash: string): { colorBy: ColorBy; rest: string; error: string | null } {
  let colorBy: ColorBy = 'cluster';
  let error: string | null = null;
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => {
      if (!part.startsWith('color=')) return true;
      const value = part.slice('color='.length);
      if ((COLOR_MODES as readonly string[]).includes(value)) colorBy = value as ColorBy;
      else error = `Link: colour '${value}' is unknown (one of ${COLOR_MODES.join(', ')}) — colouring by cluster`;
      return false;
    })
    .join('&');
  return { colorBy, rest, error };
}

export function withColor(body: string, colorBy: ColorBy): string {
  if (colorBy === 'cluster') return body;
  return body ? `${body}&color=${colorBy}` : `color=${colorBy}`;
}

/** Test helper: steps a session by hand until `reached(position)` holds or the run is over. */
import type { Session } from '../session';

export async function stepUntil(s: Session, reached: (p: Session['position']) => boolean): Promise<void> {
  while ((s.status === 'running' || s.status === 'waiting') && !reached(s.position)) await s.step();
}

/** Steps to the end of the run. */
export function stepToEnd(s: Session): Promise<void> {
  return stepUntil(s, () => false);
}

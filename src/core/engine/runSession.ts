/**
 * One run from start to end: a session on a scheduler of its own, stepped until it is over. The
 * app's worker hosts many sessions on one scheduler instead; tests and scripts use this.
 */
import { createScheduler } from './scheduler';
import { createSession, type Session, type SessionEnd, type SessionOptions } from './session';

export async function runSession(o: SessionOptions, onCreated?: (session: Session) => void): Promise<SessionEnd> {
  const session = createSession(o);
  onCreated?.(session);
  const scheduler = createScheduler();
  scheduler.add(session);
  await scheduler.idle();
  return session.status as SessionEnd;
}

/**
 * Give the event loop a turn so queued messages (pause, stop) are handled. Browsers and workers:
 * a MessageChannel round trip, a macrotask without setTimeout's 1–4 ms clamping. Node (tests,
 * CLI): setImmediate, because Node drains MessagePort messages posted while draining, which
 * starves timers.
 */
let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

export function yieldNow(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  if (typeof g.setImmediate === 'function') return new Promise((r) => g.setImmediate!(r));
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

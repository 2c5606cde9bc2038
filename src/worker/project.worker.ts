/// <reference lib="webworker" />
/**
 * Projection worker: thin wiring of ProjectionSession to postMessage; the only file here that
 * touches `self`. Coords are transferred, never copied.
 */
import { ProjectionSession, type ProjectionEvent } from '../core/projection';
import type { ProjectCommand, ProjectEvent } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// A MessageChannel round trip yields to the event loop without setTimeout's 4 ms clamp on
// nested timers, so slicing costs next to nothing while still letting new commands in.
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

function post(event: ProjectionEvent): void {
  const message: ProjectEvent = event;
  self.postMessage(message, message.type === 'frame' ? [message.coords.buffer] : []);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const session = new ProjectionSession({ emit: post, yieldNow, sleep, now: () => performance.now() });

self.onmessage = (e: MessageEvent<ProjectCommand>) => {
  const cmd = e.data;
  try {
    if (cmd.type === 'project') session.request(cmd);
    else if (cmd.type === 'reset') session.reset(cmd.runId);
  } catch (err) {
    // request() reports its own errors as events; this guards against a malformed command.
    const frameId = cmd.type === 'project' ? cmd.frameId : -1;
    const view = cmd.type === 'project' ? (cmd.view ?? 'embedding') : 'embedding';
    post({ type: 'error', runId: cmd.runId, frameId, view, message: err instanceof Error ? err.message : String(err) });
  }
};

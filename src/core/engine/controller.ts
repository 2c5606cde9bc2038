/**
 * Pause / resume / stop for a running session. The engine polls it between steps (at its yield
 * points), so a command takes effect within one yield interval, never mid-step.
 */
export type RunState = 'running' | 'paused' | 'stopped';

export interface RunController {
  readonly state: RunState;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Resolves at once while running; while paused, when resumed or stopped. Gives the new state. */
  whilePaused(): Promise<RunState>;
}

export function createController(): RunController {
  let state: RunState = 'running';
  let wake: (() => void) | null = null;
  const release = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  return {
    get state() {
      return state;
    },
    pause() {
      if (state === 'running') state = 'paused';
    },
    resume() {
      if (state !== 'paused') return;
      state = 'running';
      release();
    },
    stop() {
      state = 'stopped';
      release();
    },
    whilePaused() {
      if (state !== 'paused') return Promise.resolve(state);
      return new Promise<RunState>((resolve) => {
        const prev = wake;
        wake = () => {
          prev?.();
          resolve(state);
        };
      });
    },
  };
}

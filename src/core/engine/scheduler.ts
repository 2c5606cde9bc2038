/**
 * Runs several tasks (training sessions, shared pretrainings) on one backend, interleaved fairly:
 * round robin over the tasks that are ready, one slice (a few tens of milliseconds of steps, a
 * k-means, a snapshot) each, with an event-loop turn between slices so commands get in. Tasks
 * that are paused or waiting for another task are skipped; when none is ready the loop sleeps
 * until something wakes it.
 */
import { yieldNow } from './yieldNow';

export type TaskState = 'ready' | 'blocked' | 'done';

export interface Task {
  readonly state: TaskState;
  /** One slice of work. Must not throw: a task reports its own errors. */
  step(): Promise<void>;
  /** Called once when the task is added: the task wakes the scheduler when it becomes ready. */
  attach?(scheduler: Scheduler): void;
}

export interface Scheduler {
  add(task: Task): void;
  /** A blocked task may have become ready: look again. */
  wake(): void;
  /** Resolves once every task added so far is done. */
  idle(): Promise<void>;
}

export function createScheduler(turn: () => Promise<void> = yieldNow): Scheduler {
  let tasks: Task[] = [];
  /** The task that ran last: the next slice goes to the next ready task after it. */
  let last: Task | null = null;
  let looping = false;
  let sleeping: (() => void) | null = null;
  let idleWaiters: Array<() => void> = [];

  const wake = (): void => {
    const w = sleeping;
    sleeping = null;
    w?.();
  };

  const pick = (): Task | null => {
    const n = tasks.length;
    const from = last ? tasks.indexOf(last) + 1 : 0;
    for (let i = 0; i < n; i++) {
      const t = tasks[(from + i) % n];
      if (t.state === 'ready') return t;
    }
    return null;
  };

  const loop = async (): Promise<void> => {
    looping = true;
    try {
      for (;;) {
        tasks = tasks.filter((t) => t.state !== 'done');
        if (tasks.length === 0) break;
        const task = pick();
        if (!task) {
          await new Promise<void>((resolve) => (sleeping = resolve));
          continue;
        }
        last = task;
        try {
          await task.step();
        } catch (err) {
          // A task reports its own errors; one that escapes must not stop the others.
          console.error('scheduler: a task threw', err);
        }
        await turn();
      }
    } finally {
      looping = false;
      last = null;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  const scheduler: Scheduler = {
    add(task) {
      tasks.push(task);
      task.attach?.(scheduler);
      if (looping) wake();
      else void loop();
    },
    wake,
    idle() {
      if (!looping) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
  return scheduler;
}

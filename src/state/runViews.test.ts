import { describe, expect, it } from 'vitest';
import { reduceProjectEvent, startedRun } from './run';

const frame = (frameId: number, view?: 'embedding' | 'input' | 'assignment') =>
  ({ type: 'frame', runId: 'r', frameId, step: frameId, method: 'pca', view, coords: new Float32Array([frameId, 0, 1, 1]), ms: 1 }) as const;

describe('projection frames by view', () => {
  it('stores embedding frames in the timeline and side views apart, each only moving forward', () => {
    let run = startedRun('r');
    run = reduceProjectEvent(run, frame(1));
    run = reduceProjectEvent(run, frame(1, 'input'));
    run = reduceProjectEvent(run, frame(2, 'embedding'));
    run = reduceProjectEvent(run, frame(3, 'assignment'));
    const before = run;
    expect(reduceProjectEvent(run, frame(1, 'input'))).toBe(before);
    expect(reduceProjectEvent(run, frame(2))).toBe(before);
    expect(run.frame?.frameId).toBe(2);
    expect(run.timeline.map((f) => f.frameId)).toEqual([1, 2]);
    expect(run.views.input?.frameId).toBe(1);
    expect(run.views.assignment?.frameId).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import type { Snapshot, TrainEvent } from '../core/engine/types';
import { IDLE_RUN, reduceProjectEvent, reduceTrainEvent, startedRun, type RunState } from './run';

function snap(step: number, value = step): Snapshot {
  return {
    step,
    phase: 'cluster',
    elapsedMs: step * 10,
    samplesSeen: step * 64,
    embedding: new Float32Array([value, 1, 2, 3]),
    embedDim: 2,
    assignment: new Int32Array([0, 1]),
    confidence: null,
    losses: { kl: 0.5 },
    metrics: { acc: 0.5, nmi: 0.4, ari: 0.3 },
    internal: null,
    largestClusterFraction: 0.5,
  };
}

function fold(run: RunState, events: TrainEvent[]): RunState {
  return events.reduce(reduceTrainEvent, run);
}

describe('reduceTrainEvent', () => {
  it('ignores events of another run', () => {
    const run = startedRun('r2');
    const events: TrainEvent[] = [
      { type: 'snapshot', runId: 'r1', snapshot: snap(1) },
      { type: 'error', runId: 'r1', message: 'old' },
      { type: 'done', runId: 'r1', reason: 'finished', seconds: 1, final: null },
    ];
    expect(fold(run, events)).toBe(run);
    expect(reduceTrainEvent(IDLE_RUN, events[0])).toBe(IDLE_RUN);
  });

  it('goes starting → running → paused → running → finished and keeps a history', () => {
    let run = startedRun('r');
    run = fold(run, [
      { type: 'backend', runId: 'r', backend: 'wasm', reason: 'no WebGPU adapter', notices: ['webgpu failed'] },
      { type: 'progress', runId: 'r', phase: 'pretrain', phaseLabel: 'pretrain', phaseIndex: 0, phaseCount: 3, step: 1, steps: 10, epoch: 0, samplesPerSec: 100, samplesSeen: 64, globalStep: 1, overall: { done: 64, total: 640 }, elapsedMs: 5 },
    ]);
    expect(run.status).toBe('running');
    expect(run.backend?.name).toBe('wasm');
    run = reduceTrainEvent(run, { type: 'paused', runId: 'r' });
    expect(run.status).toBe('paused');
    run = fold(run, [
      { type: 'resumed', runId: 'r' },
      { type: 'snapshot', runId: 'r', snapshot: snap(1) },
      { type: 'snapshot', runId: 'r', snapshot: snap(2) },
      { type: 'done', runId: 'r', reason: 'finished', seconds: 3, final: snap(3) },
    ]);
    expect(run.status).toBe('finished');
    expect(run.history.map((h) => h.step)).toEqual([1, 2, 3]);
    expect(run.snapshot?.step).toBe(3);
    expect(run.done).toEqual({ reason: 'finished', seconds: 3 });
  });

  it('an error keeps the last good snapshot; a NaN snapshot is not taken', () => {
    let run = fold(startedRun('r'), [{ type: 'snapshot', runId: 'r', snapshot: snap(1) }]);
    run = reduceTrainEvent(run, { type: 'snapshot', runId: 'r', snapshot: snap(2, NaN) });
    expect(run.snapshot?.step).toBe(1);
    expect(run.warnings[0]).toMatch(/non-finite/);
    run = reduceTrainEvent(run, { type: 'error', runId: 'r', message: 'loss is NaN', phase: 'cluster', step: 7 });
    expect(run.status).toBe('error');
    expect(run.error).toBe('loss is NaN (phase cluster, step 7)');
    expect(run.snapshot?.step).toBe(1);
    // A 'done' after the error does not hide it.
    run = reduceTrainEvent(run, { type: 'done', runId: 'r', reason: 'stopped', seconds: 1, final: null });
    expect(run.status).toBe('error');
  });
});

describe('reduceProjectEvent', () => {
  it('takes newer frames of the current run only', () => {
    let run = startedRun('r');
    const frame = (runId: string, frameId: number) =>
      ({ type: 'frame', runId, frameId, step: 0, method: 'pca', coords: new Float32Array(6), ms: 1 }) as const;
    run = reduceProjectEvent(run, frame('r', 2));
    expect(run.frame?.frameId).toBe(2);
    expect(run.frame?.n).toBe(3);
    expect(reduceProjectEvent(run, frame('r', 1))).toBe(run);
    expect(reduceProjectEvent(run, frame('old', 5))).toBe(run);
    run = reduceProjectEvent(run, { type: 'error', runId: 'r', frameId: 3, message: 'umap failed' });
    expect(run.projectionError).toBe('umap failed');
    expect(run.frame?.frameId).toBe(2);
  });

  it('stores each frame with the step and clusters of the snapshot it was computed from', () => {
    let run = startedRun('r');
    const a = { ...snap(10), assignment: Int32Array.of(0, 0) };
    const b = { ...snap(20), assignment: Int32Array.of(1, 1) };
    run = reduceTrainEvent(run, { type: 'snapshot', runId: 'r', snapshot: a });
    run = reduceTrainEvent(run, { type: 'snapshot', runId: 'r', snapshot: b });
    // The projection of step 10 arrives after the snapshot of step 20: it keeps step 10's clusters.
    run = reduceProjectEvent(run, { type: 'frame', runId: 'r', frameId: 1, step: 10, method: 'pca', coords: new Float32Array(4), ms: 1 });
    expect(run.frame?.step).toBe(10);
    expect(run.timeline.at(-1)?.step).toBe(10);
    expect(Array.from(run.timeline.at(-1)!.assignment!)).toEqual([0, 0]);
    run = reduceProjectEvent(run, { type: 'frame', runId: 'r', frameId: 2, step: 20, method: 'pca', coords: new Float32Array(4), ms: 1 });
    expect(Array.from(run.timeline.at(-1)!.assignment!)).toEqual([1, 1]);
  });
});

describe('warnings', () => {
  it('a repeated warning is kept once', () => {
    let run = startedRun('r');
    for (let i = 0; i < 3; i++) run = reduceTrainEvent(run, { type: 'warning', runId: 'r', message: 'slow' });
    run = reduceTrainEvent(run, { type: 'warning', runId: 'r', message: 'other' });
    expect(run.warnings).toEqual(['slow', 'other']);
  });
});

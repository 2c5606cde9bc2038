import { describe, expect, it } from 'vitest';
import { IDLE_RUN, type ProgressInfo, type RunState } from '../../state/run';
import { runProgress, timeLeftText } from './runProgress';

const progress = (over: Partial<ProgressInfo>): ProgressInfo => ({
  phase: 'cluster',
  phaseLabel: 'cluster',
  phaseIndex: 2,
  phaseCount: 3,
  step: 500,
  steps: 1000,
  epoch: 3,
  samplesPerSec: 2000,
  samplesSeen: 64_000,
  globalStep: 5188,
  overall: { done: 64_000, total: 128_000 },
  elapsedMs: 30_000,
  ...over,
});

const run = (over: Partial<RunState>): RunState => ({ ...IDLE_RUN, status: 'running', speed: { sum: 4000, count: 2 }, ...over });

describe('run progress', () => {
  it('counts the whole run, one global step, and the time left at the mean speed', () => {
    const r = runProgress(run({ progress: progress({}) }))!;
    expect(r.overall).toBe(0.5);
    expect(r.phase).toBe(0.5);
    expect(r.globalStep).toBe(5188);
    expect(r.secondsLeft).toBe(32); // 64,000 samples left at 2,000 samples/s
    expect(timeLeftText(r.secondsLeft!)).toBe('about 30 s left');
    expect(timeLeftText(150)).toBe('about 3 min left');
  });

  it('a phase without steps has no phase share; a finished run is full and has nothing left', () => {
    const kmeans = runProgress(run({ progress: progress({ steps: 0, step: 0 }) }))!;
    expect(kmeans.phase).toBeNull();
    const done = runProgress(run({ status: 'finished', progress: progress({ overall: { done: 100, total: 128_000 } }) }))!;
    expect(done.overall).toBe(1);
    expect(done.secondsLeft).toBeNull();
    expect(runProgress(run({ progress: progress({}), speed: { sum: 0, count: 0 } }))!.secondsLeft).toBeNull();
    expect(runProgress(run({}))).toBeNull();
  });

  it("a phase's long work (a backbone's features) is its share, and the whole run's when it has no steps", () => {
    const work = { label: 'Extracting MobileNetV2 features', done: 3200, total: 10_000 };
    const scan = runProgress(run({ progress: progress({ steps: 0, step: 0, work }) }))!;
    expect(scan.phase).toBeCloseTo(0.32);
    expect(scan.overall).toBe(0.5);
    const kmeans = runProgress(run({ progress: progress({ steps: 0, step: 0, work, overall: { done: 0, total: 0 } }) }))!;
    expect(kmeans.overall).toBeCloseTo(0.32);
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { TrainEvent } from '../../worker/protocol';
import { createController } from './controller';
import { blobsDataset, runToEnd, testConfig } from './testing/runToEnd';
import { toyMethod } from './testing/toyMethod';

const ofType = <T extends TrainEvent['type']>(events: TrainEvent[], type: T) =>
  events.filter((e): e is Extract<TrainEvent, { type: T }> => e.type === type);

describe('runSession', () => {
  const data = blobsDataset(200, 6, 3);

  it('keeps the tensor count flat across 100 gradient steps and frees everything at the end', async () => {
    const before = tf.memory().numTensors;
    const counts = new Map<number, number>();
    const { end } = await runToEnd(data, toyMethod({ fitSteps: 120, clusterSteps: 5 }), testConfig({ snapshotEveryMs: 5 }), {
      onStep: (info) => {
        if (info.phase === 'fit' && (info.step === 10 || info.step === 110)) counts.set(info.step, tf.memory().numTensors);
      },
    });
    expect(end).toBe('finished');
    expect(counts.get(10)).toBeGreaterThan(before);
    expect(counts.get(110)).toBe(counts.get(10));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('emits ready, progress, snapshots and done with metrics in that order', async () => {
    const { end, events } = await runToEnd(data, toyMethod(), testConfig());
    expect(end).toBe('finished');
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('ready');
    expect(types.at(-1)).toBe('done');
    expect(types.indexOf('progress')).toBeLessThan(types.indexOf('snapshot'));
    const ready = ofType(events, 'ready')[0];
    expect(ready.k).toBe(3);
    expect(ready.sample.indices.length).toBe(50);
    expect(ready.sample.labels).toEqual(Int32Array.from(ready.sample.indices, (i) => data.labels![i]));
    // One snapshot per phase end except the last, whose snapshot is the final one in 'done'.
    const snaps = ofType(events, 'snapshot').map((e) => e.snapshot);
    expect(snaps.map((s) => s.phase)).toEqual(expect.arrayContaining(['fit', 'init']));
    const fitEnd = snaps.find((s) => s.phase === 'fit')!;
    expect(fitEnd.assignment).toBeNull(); // no clusters before 'init'
    expect(fitEnd.embedding.length).toBe(50 * fitEnd.embedDim);
    expect(Object.keys(fitEnd.losses)).toEqual(['reconstruction']);
    const done = ofType(events, 'done')[0];
    expect(done.reason).toBe('finished');
    const final = done.final!;
    expect(final.assignment!.length).toBe(50);
    expect(final.metrics!.acc).toBeGreaterThan(0.5);
    expect(final.metrics!.acc).toBeLessThanOrEqual(1);
    expect(Object.keys(final.losses).sort()).toEqual(['kmeans', 'total', 'weightDecay']);
  });

  it('gives the same final assignments for the same seed', async () => {
    const run = async (seed: number) =>
      ofType((await runToEnd(data, toyMethod(), testConfig({ seed }))).events, 'done')[0].final!;
    const a = await run(7);
    const b = await run(7);
    expect(Array.from(b.assignment!)).toEqual(Array.from(a.assignment!));
    expect(Array.from(b.embedding)).toEqual(Array.from(a.embedding));
  });

  it('pauses, resumes and stops between steps', async () => {
    const before = tf.memory().numTensors;
    const controller = createController();
    let stepAtPause = -1;
    let stepsWhilePaused = 0;
    const promise = runToEnd(data, toyMethod({ fitSteps: 1_000_000 }), testConfig(), {
      controller,
      onStep: (info, events) => {
        if (info.globalStep === 5) controller.pause();
        if (controller.state === 'paused' && events.some((e) => e.type === 'paused')) stepsWhilePaused++;
        if (stepAtPause < 0 && controller.state === 'paused') stepAtPause = info.globalStep;
      },
    });
    await new Promise((r) => setTimeout(r, 200));
    controller.resume();
    await new Promise((r) => setTimeout(r, 100));
    controller.stop();
    const { end, events } = await promise;
    expect(end).toBe('stopped');
    expect(stepsWhilePaused).toBe(0);
    const types = events.map((e) => e.type);
    expect(types.indexOf('paused')).toBeGreaterThan(0);
    expect(types.indexOf('resumed')).toBeGreaterThan(types.indexOf('paused'));
    expect(ofType(events, 'done')[0].reason).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses more clusters than points before training', async () => {
    const { end, events } = await runToEnd(blobsDataset(5, 3, 2), toyMethod(), testConfig({ k: 6 }));
    expect(end).toBe('error');
    expect(events.map((e) => e.type)).toEqual(['error']);
  });

  it('stops with an error naming method, phase and step when a loss turns NaN', async () => {
    const before = tf.memory().numTensors;
    const { end, events } = await runToEnd(data, toyMethod({ nanAtStep: 3 }), testConfig());
    expect(end).toBe('error');
    const err = ofType(events, 'error')[0];
    expect(err.phase).toBe('cluster');
    expect(err.message).toMatch(/Toy/);
    expect(err.message).toMatch(/cluster/);
    expect(err.step).toBeGreaterThanOrEqual(4);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('warns once when one cluster takes over', async () => {
    const { events } = await runToEnd(data, toyMethod({ collapse: true, clusterSteps: 200 }), testConfig({ snapshotEveryMs: 1 }));
    expect(ofType(events, 'snapshot').length + 1).toBeGreaterThan(2);
    const warnings = ofType(events, 'warning').filter((w) => /one cluster/.test(w.message));
    expect(warnings).toHaveLength(1);
  });
});

import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler';
import { createSession, type Session } from './session';
import { createSharedStarts, type WeightStore } from './sharedStarts';
import { blobsDataset, runToEnd, testConfig } from './testing/runToEnd';
import { toyMethod } from './testing/toyMethod';
import type { Snapshot, TrainEvent } from './types';

const ofType = <T extends TrainEvent['type']>(events: TrainEvent[], type: T) =>
  events.filter((e): e is Extract<TrainEvent, { type: T }> => e.type === type);

const finalOf = (events: TrainEvent[]): Snapshot => ofType(events, 'done')[0].final!;

describe('a session', () => {
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
    const fitEnd = [...snaps].reverse().find((s) => s.phase === 'fit')!;
    expect(fitEnd.assignment).toBeNull(); // no clusters before 'init'
    expect(fitEnd.embedding.length).toBe(50 * fitEnd.embedDim);
    expect(Object.keys(fitEnd.losses)).toEqual(['reconstruction']);
    // 20 fit steps of 16 samples each.
    expect(fitEnd.samplesSeen).toBe(320);
    const done = ofType(events, 'done')[0];
    expect(done.reason).toBe('finished');
    const final = done.final!;
    expect(final.assignment!.length).toBe(50);
    expect(final.metrics!.acc).toBeGreaterThan(0.5);
    expect(final.metrics!.acc).toBeLessThanOrEqual(1);
    expect(final.samplesSeen).toBe(640);
    expect(Object.keys(final.losses).sort()).toEqual(['kmeans', 'total', 'weightDecay']);
  });

  it('gives the same final assignments for the same seed', async () => {
    const run = async (seed: number) => finalOf((await runToEnd(data, toyMethod(), testConfig({ seed }))).events);
    const a = await run(7);
    const b = await run(7);
    expect(Array.from(b.assignment!)).toEqual(Array.from(a.assignment!));
    expect(Array.from(b.embedding)).toEqual(Array.from(a.embedding));
  });

  it('pauses, resumes and stops between steps', async () => {
    const before = tf.memory().numTensors;
    let session: Session | null = null;
    let pausedAt = -1;
    let stepsWhilePaused = 0;
    const promise = runToEnd(data, toyMethod({ fitSteps: 1_000_000 }), testConfig(), {
      session: (s) => (session = s),
      onStep: (info) => {
        if (pausedAt >= 0 && session!.status === 'paused') stepsWhilePaused++;
        if (info.globalStep === 5) {
          session!.pause();
          pausedAt = info.globalStep;
        }
      },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(session!.status).toBe('paused');
    expect(session!.position.globalStep).toBe(5);
    session!.resume();
    await new Promise((r) => setTimeout(r, 100));
    expect(session!.position.globalStep).toBeGreaterThan(5);
    session!.stop();
    const { end, events } = await promise;
    expect(end).toBe('stopped');
    expect(stepsWhilePaused).toBe(0);
    const types = events.map((e) => e.type);
    expect(types.indexOf('paused')).toBeGreaterThan(0);
    expect(types.indexOf('resumed')).toBeGreaterThan(types.indexOf('paused'));
    expect(ofType(events, 'done')[0].reason).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('can be stepped by hand, and snapshot() reads the run as it is', async () => {
    const events: TrainEvent[] = [];
    const s = createSession({ runId: 'h', config: testConfig(), dataset: data, method: toyMethod(), emit: (e) => events.push(e) });
    expect(await s.snapshot()).toBeNull(); // nothing created before the first step
    let slices = 0;
    while (s.status !== 'finished' && slices < 10_000) {
      await s.step();
      slices++;
      if (s.position.phase === 'cluster' && s.position.phaseStep === 0) {
        const mid = await s.snapshot();
        expect(mid!.assignment!.length).toBe(50); // clusters exist after 'init'
      }
    }
    expect(s.status).toBe('finished');
    expect(slices).toBeGreaterThan(2);
    expect(ofType(events, 'done')).toHaveLength(1);
  });

  it('refuses more clusters than points, and fewer than two, before training', async () => {
    for (const k of [6, 1, 0]) {
      const { end, events } = await runToEnd(blobsDataset(5, 3, 2), toyMethod(), testConfig({ k }));
      expect(end).toBe('error');
      expect(events.map((e) => e.type)).toEqual(['error']);
      expect(ofType(events, 'error')[0].message).toMatch(k < 2 ? /at least 2 clusters/ : /not possible with 5 points/);
    }
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

describe('sessions side by side', () => {
  const data = blobsDataset(200, 6, 3);

  /** Starts sessions on one scheduler; resolves with each run's events once all are over. */
  async function together(
    runs: { id: string; method: ReturnType<typeof toyMethod>; seed?: number }[],
    opts: { sharedStarts?: ReturnType<typeof createSharedStarts>; onStep?: (runId: string) => void; each?: (s: Session) => void } = {},
  ): Promise<Map<string, TrainEvent[]>> {
    const scheduler = createScheduler();
    const sharedStarts = opts.sharedStarts ?? createSharedStarts();
    const out = new Map<string, TrainEvent[]>();
    for (const r of runs) {
      const events: TrainEvent[] = [];
      out.set(r.id, events);
      const s = createSession({
        runId: r.id,
        config: testConfig({ seed: r.seed ?? 4 }),
        dataset: data,
        method: r.method,
        emit: (e) => events.push(e),
        sharedStarts,
        onStep: () => opts.onStep?.(r.id),
      });
      opts.each?.(s);
      scheduler.add(s);
    }
    await scheduler.idle();
    return out;
  }

  it('interleave fairly: each run gets steps long before the other finishes', async () => {
    const order: string[] = [];
    const long = toyMethod({ fitSteps: 3000, clusterSteps: 5 });
    const events = await together([{ id: 'a', method: long }, { id: 'b', method: long }], { onStep: (id) => order.push(id) });
    for (const e of events.values()) expect(e.at(-1)!.type).toBe('done');
    const firstHalf = order.slice(0, order.length / 2);
    const share = firstHalf.filter((id) => id === 'a').length / firstHalf.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.75);
  });

  it('share one pretraining: trained once, the same result as alone, then cached', async () => {
    const shared = 'toy fit v1';
    const alone = finalOf((await runToEnd(data, toyMethod({ shared }), testConfig({ seed: 4 }))).events);

    // Two runs of the same key on one scheduler: the fit phase is trained once, by one job.
    const sharedStarts = createSharedStarts();
    let fitSteps = 0;
    const events = await together(
      [
        { id: 'a', method: toyMethod({ shared }) },
        { id: 'b', method: toyMethod({ shared, clusterSteps: 40 }) },
      ],
      { sharedStarts, onStep: () => fitSteps++ },
    );
    // 20 fit steps once (not twice), plus 20 and 40 cluster steps.
    expect(fitSteps).toBe(20 + 20 + 40);
    for (const id of ['a', 'b']) {
      const starts = ofType(events.get(id)!, 'shared-start');
      expect(starts).toEqual([expect.objectContaining({ cached: false, sharedBy: 2 })]);
      // The fit snapshots come from the shared job, under each run's own id.
      expect(ofType(events.get(id)!, 'snapshot').some((e) => e.snapshot.phase === 'fit' && e.runId === id)).toBe(true);
    }
    const a = finalOf(events.get('a')!);
    expect(Array.from(a.assignment!)).toEqual(Array.from(alone.assignment!));
    expect(Array.from(a.embedding)).toEqual(Array.from(alone.embedding));

    // A third run later finds it in memory: no fit steps at all, the same result.
    let steps = 0;
    const again = await together([{ id: 'c', method: toyMethod({ shared }) }], { sharedStarts, onStep: () => steps++ });
    expect(steps).toBe(20);
    expect(ofType(again.get('c')!, 'shared-start')[0].cached).toBe(true);
    expect(Array.from(finalOf(again.get('c')!).assignment!)).toEqual(Array.from(alone.assignment!));
  });

  it('finds a finished pretraining in the persistent store after a reload', async () => {
    const shared = 'toy fit v2';
    const saved = new Map<string, Float32Array[]>();
    const store: WeightStore = {
      get: async (key) => saved.get(key) ?? null,
      put: async (key, w) => void saved.set(key, w),
    };
    const first = await together([{ id: 'a', method: toyMethod({ shared }) }], { sharedStarts: createSharedStarts(store) });
    expect(saved.size).toBe(1);
    // A fresh registry (a new page) with the same store: cached, same result.
    let steps = 0;
    const second = await together([{ id: 'b', method: toyMethod({ shared }) }], { sharedStarts: createSharedStarts(store), onStep: () => steps++ });
    expect(steps).toBe(20);
    expect(ofType(second.get('b')!, 'shared-start')[0].cached).toBe(true);
    expect(Array.from(finalOf(second.get('b')!).assignment!)).toEqual(Array.from(finalOf(first.get('a')!).assignment!));
    // Another seed is another pretraining.
    const other = await together([{ id: 'c', method: toyMethod({ shared }), seed: 5 }], { sharedStarts: createSharedStarts(store) });
    expect(ofType(other.get('c')!, 'shared-start')[0].cached).toBe(false);
    expect(saved.size).toBe(2);
  });

  it('a shared pretraining goes on when one of its runs stops, and waits while all are paused', async () => {
    const before = tf.memory().numTensors;
    const shared = 'toy fit v3';
    const sessions: Session[] = [];
    let fitSteps = 0;
    const method = toyMethod({ shared, fitSteps: 400 });
    const events = await together(
      [
        { id: 'a', method },
        { id: 'b', method },
      ],
      {
        each: (s) => sessions.push(s),
        onStep: () => {
          fitSteps++;
          const [a, b] = sessions;
          if (fitSteps === 10) a.stop();
          if (fitSteps === 20) {
            b.pause();
            setTimeout(() => {
              // Paused: the job has not moved.
              expect(fitSteps).toBe(20);
              b.resume();
            }, 50);
          }
        },
      },
    );
    expect(ofType(events.get('a')!, 'done')[0].reason).toBe('stopped');
    expect(ofType(events.get('b')!, 'done')[0].reason).toBe('finished');
    expect(ofType(events.get('b')!, 'shared-start')[0].cached).toBe(false);
    // The job's 400 steps plus b's 20 cluster steps; a's stop cost nothing.
    expect(fitSteps).toBe(400 + 20);
    expect(tf.memory().numTensors).toBe(before);
  });
});

// A neighbourhood method's mined neighbours reach the snapshot as the sample's rows of them (in
// the sample's order), with the share that shares the anchor's class; a method that has not mined
// (or an earlier phase) adds neither, and unlabelled data gets no accuracy.
import { describe, expect, it } from 'vitest';
import type { Neighbours } from '../cluster/knn';
import { sampleNeighbours } from './sampleNeighbours';
import { snapshotTransfer } from './snapshot';
import { blobsDataset, runToEnd, testConfig } from './testing/runToEnd';
import { toyMethod } from './testing/toyMethod';
import type { Snapshot, TrainEvent } from './types';

const K = 4;

/** Each row's first two neighbours share its class and the last two do not: accuracy exactly ½. */
function halfRight(labels: Int32Array): Neighbours {
  const n = labels.length;
  const indices = new Int32Array(n * K);
  for (let i = 0; i < n; i++) {
    const same = [1, 2, 3, 4, 5, 6].map((d) => (i + d) % n).filter((j) => labels[j] === labels[i]);
    const other = [1, 2, 3, 4].map((d) => (i + d) % n).filter((j) => labels[j] !== labels[i]);
    indices.set([same[0], same[1], other[0], other[1]], i * K);
  }
  return { n, k: K, indices };
}

const snapshots = (events: TrainEvent[]): Snapshot[] =>
  events.flatMap((e) => (e.type === 'snapshot' ? [e.snapshot] : e.type === 'done' && e.final ? [e.final] : []));

describe('sample neighbours in snapshots', () => {
  it('maps the sample rows to their mined neighbours, in the sample order', () => {
    const mined: Neighbours = { n: 4, k: 2, indices: Int32Array.from([1, 2, 0, 3, 3, 1, 2, 0]) };
    const s = sampleNeighbours(mined, Int32Array.from([3, 0]));
    expect(s.k).toBe(2);
    expect(Array.from(s.indices)).toEqual([2, 0, 1, 2]);
  });

  it("carries a toy method's fixed neighbours and their accuracy once it reports them", async () => {
    const data = blobsDataset(90, 6, 3);
    const mined = halfRight(data.labels!);
    const { end, events } = await runToEnd(data, toyMethod({ neighbours: mined, fitSteps: 5, clusterSteps: 5 }), testConfig());
    expect(end).toBe('finished');
    const ready = events.find((e): e is Extract<TrainEvent, { type: 'ready' }> => e.type === 'ready')!;
    const snaps = snapshots(events);
    // Before 'init' the toy has no neighbours: nothing is carried.
    const early = snaps.filter((s) => s.phase === 'fit');
    expect(early.length).toBeGreaterThan(0);
    for (const s of early) {
      expect(s.neighbours).toBeUndefined();
      expect(s.neighbourAccuracy).toBeUndefined();
    }
    const final = snaps.at(-1)!;
    const sample = ready.sample.indices;
    expect(final.neighbours!.k).toBe(K);
    expect(final.neighbours!.indices.length).toBe(sample.length * K);
    sample.forEach((row, i) => {
      expect(Array.from(final.neighbours!.indices.subarray(i * K, (i + 1) * K))).toEqual(Array.from(mined.indices.subarray(row * K, (row + 1) * K)));
    });
    expect(final.neighbourAccuracy).toBeCloseTo(0.5, 10);
    expect(snapshotTransfer(final)).toContain(final.neighbours!.indices.buffer);
  });

  it('gives no accuracy without labels, and nothing for a method without neighbours', async () => {
    const data = blobsDataset(60, 6, 3);
    const unlabelled = { ...data, labels: undefined };
    const withMined = await runToEnd(unlabelled, toyMethod({ neighbours: halfRight(data.labels!), fitSteps: 3, clusterSteps: 3 }), testConfig({ sampleSize: 20 }));
    const final = snapshots(withMined.events).at(-1)!;
    expect(final.neighbours!.indices.length).toBe(20 * K);
    expect(final.neighbourAccuracy).toBeUndefined();
    const plain = await runToEnd(data, toyMethod({ fitSteps: 3, clusterSteps: 3 }), testConfig({ sampleSize: 20 }));
    const last = snapshots(plain.events).at(-1)!;
    expect(last.neighbours).toBeUndefined();
    expect(last.neighbourAccuracy).toBeUndefined();
  });
});

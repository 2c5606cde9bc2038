import { describe, expect, it } from 'vitest';
import { neighbourAccuracy } from '../cluster/knn';
import { blobsDataset, runToEnd, testConfig } from '../engine/testing/runToEnd';
import type { Method, MethodRun } from './types';
import { scan } from './scan';

describe('SCAN', () => {
  it('returns its mined neighbours after the mine phase (never the anchor), null before', async () => {
    const data = blobsDataset(240, 12, 3);
    let run: MethodRun | null = null;
    let beforeMining: unknown = 'not asked';
    const watched: Method = {
      ...scan,
      // The first run created is the session's (a shared pretext job makes its own after it).
      create: (ctx) => {
        const created = scan.create(ctx);
        if (!run) {
          run = created;
          beforeMining = created.neighbours!();
        }
        return created;
      },
    };
    const params = { width: 32, featureDim: 16, projectionDim: 8, pretextEpochs: 3, batchSize: 64, neighbours: 5, heads: 2, scanEpochs: 1, selfLabelEpochs: 0 };
    const { end } = await runToEnd(data, watched, testConfig({ method: 'scan', seed: 1, k: 3, params, sampleSize: 100, snapshotEveryMs: 1e9 }));
    expect(end).toBe('finished');
    expect(beforeMining).toBeNull();
    const nb = run!.neighbours!()!;
    expect(nb).not.toBeNull();
    expect(nb.n).toBe(240);
    expect(nb.k).toBe(5);
    for (let i = 0; i < nb.n; i++) {
      const own = nb.indices.subarray(i * nb.k, (i + 1) * nb.k);
      expect(own.includes(i), `row ${i} is its own neighbour`).toBe(false);
      expect(new Set(own).size).toBe(nb.k);
      for (const j of own) expect(j >= 0 && j < nb.n).toBe(true);
    }
    // Three separated blobs: the pretext features put neighbours in their anchor's blob.
    expect(neighbourAccuracy(nb, data.labels!)).toBeGreaterThan(0.95);
    expect(run!.encoder).toBeDefined();
  });
});

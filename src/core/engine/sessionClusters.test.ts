import { describe, expect, it } from 'vitest';
import { blobsDataset, runToEnd, testConfig } from './testing/runToEnd';
import { toyMethod } from './testing/toyMethod';

// Kept apart from session.test.ts: the one check in runSession that refuses k < 2 (tfjs would
// otherwise fail deep inside with "oneHot: depth must be >= 2").
describe('runSession: fewer than 2 clusters', () => {
  it('refuses k = 1 and k = 0 with a plain message before training', async () => {
    for (const k of [1, 0]) {
      const { end, events } = await runToEnd(blobsDataset(20, 3, 2), toyMethod(), testConfig({ k }));
      expect(end).toBe('error');
      expect(events).toEqual([{ type: 'error', runId: expect.any(String), message: `k = ${k} clusters is not possible with 20 points` }]);
    }
  });
});

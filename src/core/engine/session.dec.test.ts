import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/dataset';
import { loadDataset } from '../data/registry';
import { findMethod } from '../methods';
import { nodeDataIO } from '../testing/nodeDataIO';
import { runToEnd, testConfig } from './testing/runToEnd';

/** The first `n` rows of MNIST-10k: enough for DEC to beat chance in a few seconds. */
async function mnistSubset(n: number): Promise<Dataset> {
  const d = await loadDataset('mnist-10k', nodeDataIO, 0);
  return { ...d, id: 'mnist-sub', n, x: d.x.slice(0, n * d.dim), labels: d.labels!.slice(0, n) };
}

describe('runSession with the real DEC', () => {
  it('runs ready → progress → snapshots → done with metrics, and frees its tensors', async () => {
    const data = await mnistSubset(600);
    const dec = findMethod('dec')!;
    const before = tf.memory().numTensors;
    const { end, events } = await runToEnd(
      data,
      dec,
      testConfig({
        method: 'dec',
        retention: 1,
        sampleSize: 200,
        snapshotEveryMs: 500,
        params: { arch: 'small', pretrainEpochs: 3, batchSize: 64, kmeansInit: 2, maxIter: 60, updateInterval: 20 },
      }),
    );
    const err = events.find((e) => e.type === 'error');
    expect(err).toBeUndefined();
    expect(end).toBe('finished');
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('ready');
    expect(types.indexOf('progress')).toBeGreaterThan(0);
    expect(types.indexOf('snapshot')).toBeGreaterThan(types.indexOf('progress'));
    expect(types.at(-1)).toBe('done');
    expect(events.some((e) => e.type === 'warning' && /parameter/.test(e.message))).toBe(false);
    const phases = new Set(events.flatMap((e) => (e.type === 'progress' ? [e.phase] : [])));
    expect(phases.size).toBeGreaterThanOrEqual(2);
    const done = events.at(-1)!;
    if (done.type !== 'done') throw new Error('expected done');
    const m = done.final!.metrics!;
    // Ten digit classes: chance ACC is about 0.1–0.2; a trained DEC is well above it.
    expect(m.acc).toBeGreaterThan(0.3);
    expect(m.nmi).toBeGreaterThan(0.15);
    expect(done.final!.assignment!.length).toBe(200);
    expect(tf.memory().numTensors).toBe(before);
  });
});

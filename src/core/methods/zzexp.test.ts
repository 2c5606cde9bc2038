import { it } from 'vitest';
import type { Dataset } from '../data/dataset';
import { loadDataset } from '../data/registry';
import { runToEnd, testConfig } from '../engine/testing/runToEnd';
import { nodeDataIO } from '../testing/nodeDataIO';
import { findMethod } from './index';
const CONFIGS: Array<[string, Record<string, unknown>]> = JSON.parse(process.env.EXP ?? '[]');
it('exp', async () => {
  const d = await loadDataset('mnist-10k', nodeDataIO, 0);
  const n = Number(process.env.EXPN ?? 2000);
  const data: Dataset = { ...d, id: 'mnist-n', n, x: d.x.slice(0, n * d.dim), labels: d.labels!.slice(0, n) };
  for (const [id, params] of CONFIGS) {
    const t0 = performance.now();
    const { events } = await runToEnd(data, findMethod(id)!, testConfig({ method: id, seed: 0, k: 10, params: params as never, sampleSize: 500, snapshotEveryMs: 1e9 }));
    const err = events.find((e) => e.type === 'error');
    const done = events.at(-1)!;
    const snaps = events.flatMap((e) => (e.type === 'snapshot' ? [e.snapshot] : []));
    const phases = snaps.map((s) => `${s.phase}:${s.metrics?.acc?.toFixed(3) ?? s.preview?.metrics?.acc?.toFixed(3) ?? '-'}`).join(' ');
    console.log(`EXP ${id} ${JSON.stringify(params)} ${err ? (err as any).message : ''} ACC ${done.type === 'done' && done.final ? done.final.metrics!.acc.toFixed(3) + ' NMI ' + done.final.metrics!.nmi.toFixed(3) : '?'} | ${phases} | ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
}, 3_600_000);

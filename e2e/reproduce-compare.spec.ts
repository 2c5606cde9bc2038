import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

// `npm run reproduce -- --compare a,b`: several methods side by side in one worker, sharing their
// pretraining — each must end exactly where it ends alone with the same seed.

const TINY = ['--dataset', 'mnist-10k', '--seed', '2', '--param', 'arch=small', '--param', 'pretrainEpochs=1', '--param', 'maxIter=120', '--param', 'updateInterval=60'];

function reproduce(...args: string[]): Record<string, unknown>[] {
  const r = spawnSync(process.execPath, ['scripts/reproduce.mjs', ...args], { encoding: 'utf8', timeout: 300_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

test('reproduce --compare: one line per method and a summary; each run ends as it does alone', () => {
  const lines = reproduce('--compare', 'dec,idec', ...TINY);
  expect(lines).toHaveLength(3);
  const [dec, idec, summary] = lines as [Record<string, number>, Record<string, number>, { compare: { method: string; acc: number }[]; seconds: number; pretrainSeconds: number }];
  expect([dec.method, idec.method]).toEqual(['dec', 'idec']);
  expect(summary.compare.map((c) => c.method)).toEqual(['dec', 'idec']);
  expect(summary.compare[0].acc).toBe(dec.acc);
  // One pretraining for both, inside the comparison's wall time.
  expect(summary.pretrainSeconds).toBeGreaterThan(0);
  expect(summary.pretrainSeconds).toBeLessThan(summary.seconds);

  const [alone] = reproduce('--method', 'dec', ...TINY);
  const [idecAlone] = reproduce('--method', 'idec', ...TINY);
  // The shared pretraining trains exactly what each run trains alone: the same clusters.
  expect(dec.acc).toBe(alone.acc);
  expect(dec.nmi).toBe(alone.nmi);
  expect(idec.acc).toBe(idecAlone.acc);
  expect(idec.ari).toBe(idecAlone.ari);
});

test('reproduce --compare with a bad list or a parameter no method has: exit code 2 and a message', () => {
  for (const args of [
    ['--compare', 'dec', '--dataset', 'blobs'],
    ['--compare', 'dec,nope', '--dataset', 'blobs'],
    ['--compare', 'dec,kmeans', '--method', 'dec', '--dataset', 'blobs'],
    ['--compare', 'dec,kmeans', '--dataset', 'blobs', '--param', 'nosuch=1'],
  ]) {
    const r = spawnSync(process.execPath, ['scripts/reproduce.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, args.join(' ')).toBe(2);
    expect(r.stderr).toMatch(/--compare|unknown method|--param nosuch/);
  }
});

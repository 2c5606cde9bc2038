import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { digitPngs } from './digitImages';
import { writeFiles } from './writeFiles';

// `npm run reproduce -- --data <path>`: your own files through the same decode worker and engine,
// headless, one JSON line out. k-means on the pixels keeps these runs to seconds.

function reproduce(...args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['scripts/reproduce.mjs', '--method', 'kmeans', ...args], { encoding: 'utf8', timeout: 180_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

test('reproduce --data: a labelled folder, the same folder zipped, and an unlabeled folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-reproduce-'));
  const labelled = digitPngs([0, 1], 25, (d, i) => `digits/${d === 0 ? 'zero' : 'one'}/${i}.png`);
  writeFiles(dir, labelled);
  writeFiles(dir, digitPngs([0, 1], 25, (d, i) => `scans/${d * 25 + i}.png`));
  writeFileSync(join(dir, 'digits.zip'), zipSync(Object.fromEntries(labelled.map((f) => [f.path.replace(/^digits\//, ''), f.bytes]))));

  const folder = reproduce('--data', join(dir, 'digits'));
  expect(folder.dataset).toBe('digits');
  // 0s and 1s apart on the pixels alone.
  expect(folder.acc).toBeGreaterThan(0.9);
  expect(folder.silhouette).toBeGreaterThan(0);

  const zipped = reproduce('--data', join(dir, 'digits.zip'));
  expect(zipped.acc).toBe(folder.acc);
  expect(zipped.nmi).toBe(folder.nmi);

  const unlabeled = reproduce('--data', join(dir, 'scans'), '--k', '2');
  expect([unlabeled.acc, unlabeled.nmi, unlabeled.ari]).toEqual([null, null, null]);
  expect(typeof unlabeled.silhouette).toBe('number');
  expect(typeof unlabeled.daviesBouldin).toBe('number');
  expect(typeof unlabeled.calinskiHarabasz).toBe('number');
});

test('reproduce --data with a path that does not exist: exit code 2 and a message', () => {
  const r = spawnSync(process.execPath, ['scripts/reproduce.mjs', '--method', 'kmeans', '--data', join(tmpdir(), 'no-such-folder-4711')], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/no such file or folder/);
});

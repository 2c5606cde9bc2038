import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { zipBomb } from '../src/core/data/ingest/testing/bombs';
import { digitPngs } from './digitImages';
import { writeFiles } from './writeFiles';

// `npm run reproduce -- --data <path>`: your own files through the same decode worker and engine,
// headless, one JSON line out. k-means on the pixels keeps these runs to seconds.

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/reproduce.mjs', '--method', 'kmeans', ...args], { encoding: 'utf8', timeout: 180_000 });

function reproduce(...args: string[]): Record<string, unknown> {
  const r = run(...args);
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

test('reproduce: bad --data paths and --k values exit 2 with one line, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-cli-'));
  symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
  symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'huge.bin'), '');
  truncateSync(join(dir, 'huge.bin'), 2 ** 31); // sparse: no disk space used
  const cases: [string[], string][] = [
    [['--data', join(dir, 'loop-a')], `--data: '${join(dir, 'loop-a')}' is a symbolic link that leads back to itself (a loop)`],
    [['--data', join(dir, 'dangling')], `--data: '${join(dir, 'dangling')}' is a symbolic link to something that does not exist`],
    [['--data', join(dir, 'empty')], `--data: no files to read in '${join(dir, 'empty')}'`],
    [['--data', '/dev/zero'], "--data: '/dev/zero' is not a regular file or folder (a device, pipe or socket), so there is nothing to read"],
    [['--data', join(dir, 'huge.bin')], `--data: '${join(dir, 'huge.bin')}' is larger than 2 GB, more than the browser can read in one piece`],
    ...['0', '1', '1e20', '101'].map((k): [string[], string] => [
      ['--dataset', 'mnist-10k', '--k', k],
      `--k must be a whole number from 2 to 100 (the number of clusters), got '${k}'`,
    ]),
  ];
  for (const [args, message] of cases) {
    const r = run(...args);
    expect([r.status, r.stderr], args.join(' ')).toEqual([2, `${message}\n`]);
  }
});

test('reproduce: a folder whose links loop back and whose pipe never ends is listed without hanging', () => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-cli-'));
  mkdirSync(join(dir, 'data', 'sub'), { recursive: true });
  symlinkSync(join(dir, 'data'), join(dir, 'data', 'sub', 'up'));
  expect(spawnSync('mkfifo', [join(dir, 'data', 'pipe')]).status).toBe(0);
  const r = run('--data', join(dir, 'data'));
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toEqual([
    'skipped data/pipe: it is not a regular file or folder (a device, pipe or socket), so there is nothing to read',
    'skipped data/sub/up: it is a folder already read (a link back up the tree)',
    `--data: no files to read in '${join(dir, 'data')}'`,
  ]);
});

test('reproduce --data with a zip bomb next to good images: the bombs are skipped, the images train', () => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-cli-bomb-'));
  const good = digitPngs([0, 1], 20, (d, i) => `${d === 0 ? 'zero' : 'one'}/${i}.png`);
  writeFiles(dir, [zipBomb('digits.zip', good, 3)]);
  const r = run('--data', join(dir, 'digits.zip'));
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout.trim()).acc).toBeGreaterThan(0.9);
  for (let i = 0; i < 3; i++) expect(r.stderr).toContain(`skipped digits/bomb-${i}.bin: digits/bomb-${i}.bin expands to more than 256 MB`);
});

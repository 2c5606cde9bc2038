import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { digitPngs } from './digitImages';
import { dropPaths } from './dropData';
import { writeFiles } from './writeFiles';
import { metricValue, waitForStatus } from './helpers';

// Your own images through a real drag-and-drop of folders from disk (see dropData.ts): handwritten
// 0s, 1s and 7s as PNG files. DEC with a small autoencoder: 150 images are 3 batches of 64.
const DEC_SMALL = '#method=dec&seed=2&arch=small&pretrainEpochs=150&maxIter=300&updateInterval=20&batchSize=64';

/** RFC 4180 lines without quoted newlines (the fixture's names have none). */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

const CLASS_NAMES = ['zero', 'one', 'seven'];
const DIGITS = [0, 1, 7];
const folderOf = (d: number): string => CLASS_NAMES[DIGITS.indexOf(d)];

/** Best one-to-one match of 3 clusters to 3 labels, by trying all 6 permutations. */
function acc3(clusters: number[], labels: string[]): number {
  const names = [...new Set(labels)].sort();
  const perms = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
  let best = 0;
  for (const p of perms) {
    const hits = clusters.filter((c, i) => names[p[c]] === labels[i]).length;
    best = Math.max(best, hits / clusters.length);
  }
  return best;
}

test('a dropped folder of labelled digits trains, shows labelled metrics, a gallery and an exact CSV', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-drop-'));
  writeFiles(dir, digitPngs(DIGITS, 50, (d, i) => `digits/${folderOf(d)}/${String(i).padStart(3, '0')}.png`));

  await page.goto('/' + DEC_SMALL);
  await dropPaths(page, [join(dir, 'digits')]);
  await expect(page.getByTestId('data-summary')).toContainText('150 images', { timeout: 60_000 });
  await expect(page.getByTestId('data-summary')).toContainText('3 classes (one, seven, zero)');
  await expect(page.getByTestId('data-preview').locator('canvas')).toHaveCount(8);
  await expect(page.getByTestId('param-dataset')).toHaveValue('user');
  // Preprocessing is visible and changeable: the drop is decoded again, nothing dropped again.
  await page.getByTestId('preprocess-size').selectOption('32');
  await expect(page.getByTestId('data-summary')).toContainText('150 images, 32 × 32 grey');
  await page.getByTestId('preprocess-size').selectOption('28');
  await expect(page.getByTestId('data-summary')).toContainText('150 images, 28 × 28 grey');

  await page.getByTestId('train').click();
  await waitForStatus(page, 'finished', 240_000);
  // 0, 1 and 7 look different enough to be told apart without labels: far above chance (1/3).
  const acc = await metricValue(page, 'acc');
  expect(acc).toBeGreaterThan(0.8);

  await page.getByTestId('gallery-toggle').click();
  await expect(page.getByTestId('cluster-gallery').getByTestId('gallery-cluster-0')).toBeVisible();
  expect(await page.getByTestId('gallery-thumb').count()).toBeGreaterThan(30);
  await page.getByTestId('gallery-thumb').first().click();
  await expect(page.getByTestId('point-detail-file')).toContainText(/digits\/(zero|one|seven)\/\d{3}\.png/);
  await expect(page.getByTestId('point-neighbour')).toHaveCount(8);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
  expect(rows[0]).toEqual(['file', 'cluster', 'confidence', 'x_sample', 'y_sample', 'label']);
  const body = rows.slice(1);
  expect(body).toHaveLength(150);
  for (const [file, cluster, confidence, x, y, label] of body) {
    // The label column is the class folder of the file, every row has a cluster and a position.
    expect(file).toMatch(new RegExp(`^digits/${label}/\\d{3}\\.png$`));
    expect(['0', '1', '2']).toContain(cluster);
    expect(Number(confidence)).toBeGreaterThan(0);
    expect(Number.isFinite(Number(x)) && Number.isFinite(Number(y)) && x !== '' && y !== '').toBe(true);
  }
  expect(new Set(body.map((r) => r[0])).size).toBe(150);
  // The CSV's clusters are the ones the metrics were computed on.
  expect(acc3(body.map((r) => Number(r[1])), body.map((r) => r[5]))).toBeCloseTo(acc, 3);

  // The zip: one folder per cluster holding the original files, as the CSV assigned them.
  const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-zip').click()]);
  const entries = unzipSync(new Uint8Array(readFileSync(await zipDownload.path())));
  const images = Object.keys(entries).filter((name) => name.endsWith('.png'));
  expect(images).toHaveLength(150);
  for (const [file, cluster] of body) {
    const entry = `cluster-${cluster.padStart(2, '0')}/${file.split('/').pop()}`;
    const inZip = images.find((name) => name === entry || name.startsWith(entry.replace(/\.png$/, '-')));
    expect(inZip, entry).toBeDefined();
  }
  const original = readFileSync(join(dir, body[0][0]));
  const sameName = images.filter((n) => n.startsWith(`cluster-${body[0][1].padStart(2, '0')}/`)).map((n) => entries[n]);
  expect(sameName.some((bytes) => Buffer.compare(Buffer.from(bytes), original) === 0)).toBe(true);
});

test('an unlabeled drop shows label-free metrics and the k sweep', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-unlabeled-'));
  // Digits flat in one folder, named without their class: no class folders, so no labels.
  writeFiles(dir, digitPngs(DIGITS, 30, (d, i) => `scans/scan-${String(DIGITS.indexOf(d) * 30 + i).padStart(3, '0')}.png`));

  await page.goto('/' + DEC_SMALL + '&k=3');
  await dropPaths(page, [join(dir, 'scans')]);
  await expect(page.getByTestId('data-summary')).toContainText('90 images', { timeout: 60_000 });
  await expect(page.getByTestId('data-summary')).toContainText('no labels');

  await page.getByTestId('train').click();
  await waitForStatus(page, 'finished', 240_000);
  await expect(page.getByTestId('label-free-metrics')).toBeVisible();
  await expect(page.getByTestId('metric-acc')).toHaveCount(0);
  expect(await metricValue(page, 'silhouette')).toBeGreaterThan(0);
  expect(await metricValue(page, 'sizeEntropy')).toBeGreaterThan(0.5);

  await page.getByTestId('ksweep-run').click();
  // The sweep fills the table k by k; the buttons unlock when it is done.
  await expect(page.getByTestId('ksweep-use')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('ksweep-best')).toContainText(/Suggested k = \d+/);
  expect(await page.getByTestId('ksweep-table').locator('tr').count()).toBeGreaterThan(10);
  await page.getByTestId('ksweep-use').click();
  const suggested = (await page.getByTestId('ksweep-best').innerText()).match(/k = (\d+)/)![1];
  await expect(page.getByTestId('param-k')).toHaveValue(suggested);
});

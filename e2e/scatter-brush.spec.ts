import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { scatterAttr, waitForStatus } from './helpers';

// A tiny DEC run on 2-D blobs finishes in seconds with several snapshots (for the timeline):
// the test is about the plot, not the training.
const HASH = '#dataset=blobs&method=dec&arch=small&pretrainEpochs=1&maxIter=60&updateInterval=20&snapshotEveryMs=200&projection=pca';

test('brush a rectangle: counts add up, the CSV has one row per point, Esc clears, the timeline replays', async ({ page }) => {
  await page.goto('/' + HASH);
  await page.getByTestId('train').click();
  await waitForStatus(page, 'finished', 120_000);
  await expect.poll(() => scatterAttr(page, 'data-points'), { timeout: 30_000 }).toBeGreaterThan(0);

  // Every colouring has a legend; correctness needs the Hungarian match.
  await page.getByTestId('color-correct').check({ force: true });
  await expect(page.getByTestId('legend')).toContainText('incorrect');
  await page.getByTestId('color-cluster').check({ force: true });

  // Selection mode by keyboard, then a drag over the middle of the plot.
  await page.getByTestId('scatter').focus();
  await page.keyboard.press('s');
  await expect(page.getByTestId('select-mode')).toHaveAttribute('aria-pressed', 'true');
  const box = await page.getByTestId('scatter').boundingBox();
  if (!box) throw new Error('the scatter has no box');
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.8, { steps: 8 });
  await page.mouse.up();

  const count = Number(await page.getByTestId('selection-count').innerText());
  expect(count).toBeGreaterThan(0);
  const perCluster = (await page.getByTestId('sel-cluster-count').allInnerTexts()).map(Number);
  expect(perCluster.reduce((a, b) => a + b, 0)).toBe(count);
  const perLabel = (await page.getByTestId('sel-label-count').allInnerTexts()).map(Number);
  expect(perLabel.reduce((a, b) => a + b, 0)).toBe(count);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('selection-export').click()]);
  const path = await download.path();
  const lines = (await readFile(path, 'utf8')).trim().split('\n');
  expect(lines[0]).toBe('index,cluster,label,confidence,x,y');
  expect(lines.length - 1).toBe(count);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selection-count')).toHaveCount(0);

  // The timeline replays the first stored frame, and Live follows training again.
  await page.getByTestId('timeline-slider').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('timeline-label')).toContainText('frame 1/');
  await page.getByTestId('timeline-live').click();
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-live', 'true');
});

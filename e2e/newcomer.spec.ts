import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { digitPngs } from './digitImages';
import { dropPaths } from './dropData';
import { scatterAttr, waitForStatus } from './helpers';
import { writeFiles } from './writeFiles';

// A newcomer's first minutes: the prior is the first choice, there is something to read from the
// first snapshot, nothing is lost on a reload, and the keyboard and a phone reach Train at once.

test('the prior comes first: grouped methods, its idea in one sentence, Train three Tabs away, the card beside the plot', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  const picker = page.getByTestId('prior-picker');
  await expect(picker).toContainText('Prior');
  const box = (await picker.boundingBox())!;
  expect(box.y + box.height).toBeLessThan(900); // above the fold
  await expect(page.getByTestId('prior-idea')).toContainText('Confident predictions'); // DEC: pseudo-labelling
  // The method list is grouped by prior family.
  const groups = await page.getByTestId('param-method').locator('optgroup').evaluateAll((els) => els.map((e) => (e as HTMLOptGroupElement).label));
  expect(groups).toEqual(expect.arrayContaining(['Baseline', 'Structure prior', 'Distribution prior', 'Pseudo-labelling']));
  // Choosing a prior picks its first method and says what the prior is.
  await page.getByTestId('prior-structure').check({ force: true });
  await expect(page.getByTestId('param-method')).toHaveValue('dcn');
  await expect(page.getByTestId('prior-idea')).toContainText('intrinsic structure');
  await expect(page.getByTestId('method-card')).toContainText('DCN');
  await expect(page.getByTestId('prior-external')).toBeEnabled(); // every prior has methods now

  // The method card sits beside the plot, not under the settings.
  const plot = (await page.getByTestId('scatter').boundingBox())!;
  const card = (await page.getByTestId('method-card').boundingBox())!;
  expect(card.x).toBeGreaterThan(plot.x + plot.width - 1);
  expect(card.y).toBeLessThan(plot.y + plot.height);

  // Keyboard: Train within three Tabs; key T trains.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  let reached = false;
  for (let i = 0; i < 3 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'train');
  }
  expect(reached).toBe(true);
  await expect(page.getByTestId('train')).toHaveAttribute('aria-keyshortcuts', 't');
});

test('something to read from the first snapshot: colours, a k-means preview, overall progress; one step count; re-projection; nothing lost', async ({ page }) => {
  const hash = '#seed=5&arch=small&pretrainEpochs=3&maxIter=200&updateInterval=100&sampleSize=1000&snapshotEveryMs=300&projection=pca';
  await page.goto('/' + hash);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('progress')).toHaveAttribute('data-phase', 'pretrain', { timeout: 60_000 });

  // During pretraining: a preview of AE + k-means, coloured clusters with a legend that says so.
  await expect(page.getByTestId('metrics-preview')).toBeVisible({ timeout: 60_000 });
  expect(Number(await page.getByTestId('metric-acc').innerText())).toBeGreaterThan(0.2);
  await expect(page.getByTestId('legend')).toContainText('preview');
  await expect(page.getByTestId('legend').locator('li')).toHaveCount(10);
  // True labels colour the points while pretraining too; the choice is in the link.
  await page.getByTestId('color-label').check({ force: true });
  await expect(page.getByTestId('legend').locator('li')).toHaveCount(10);
  await expect.poll(() => page.url()).toContain('color=label');
  // The whole run's progress and a time estimate.
  await expect(page.getByTestId('time-left')).toContainText(/about \d+ (s|min) left/, { timeout: 30_000 });
  expect(Number(await page.getByTestId('overall-progress').getAttribute('value'))).toBeGreaterThan(0);

  // Leaving while it trains asks first.
  const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
  await page.close({ runBeforeUnload: true });
  expect(await dialog).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  await waitForStatus(page, 'finished', 300_000);
  // One step count: the progress line and the timeline name the same global step.
  const stats = await page.getByTestId('progress-stats').innerText();
  expect(stats).not.toMatch(/step [\d,]+\/[\d,]+/);
  const step = Number(stats.match(/step ([\d,]+)/)![1].replace(/,/g, ''));
  await expect(page.getByTestId('timeline-label')).toContainText(`step ${step}`);
  const acc = await page.getByTestId('metric-acc').innerText();

  // Another projection after the run: the final snapshot is projected again, and the title says so.
  const frame = await scatterAttr(page, 'data-frame');
  await page.getByTestId('param-projection').selectOption('umap');
  await expect(page.getByTestId('scatter-title')).toContainText('UMAP of the learned features', { timeout: 60_000 });
  await expect.poll(() => scatterAttr(page, 'data-frame'), { timeout: 60_000 }).toBeGreaterThan(frame);

  // A reload keeps the finished run and the colouring.
  await page.reload();
  await expect(page.getByTestId('progress')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
  await expect(page.getByTestId('metric-acc')).toHaveText(acc);
  await expect(page.getByTestId('message')).toContainText('Restored from your last visit');
  await expect(page.getByTestId('color-toggle')).toHaveAttribute('data-value', 'label');
  await expect.poll(() => scatterAttr(page, 'data-points')).toBe(1000);
});

test('a drop says what loaded at the top; unlabelled data gets only the controls that apply; k-means names its raw pixels', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-newcomer-'));
  // Labelled: most images in the first class folder, so a first-folder preview would miss the others.
  writeFiles(dir, digitPngs([0], 40, (_d, i) => `digits/zero/${i}.png`));
  writeFiles(dir, digitPngs([1, 7], 4, (d, i) => `digits/${d === 1 ? 'one' : 'seven'}/${i}.png`));
  writeFiles(dir, digitPngs([0, 1, 7], 20, (d, i) => `scans/${d}-${i}.png`));

  await page.goto('/#method=kmeans&projection=pca');
  await dropPaths(page, [join(dir, 'digits')]);
  const summary = page.getByTestId('drop-summary');
  await expect(summary).toContainText('Loaded', { timeout: 60_000 });
  await expect(summary).toContainText('3 classes');
  await expect(summary).toContainText('press Train');
  expect(await summary.getAttribute('class')).toContain('message-info');
  // A preview of the preprocessed images (one of every class first: previewRows' unit test).
  await expect(page.getByTestId('data-preview').locator('canvas')).toHaveCount(8);

  await dropPaths(page, [join(dir, 'scans')]);
  await expect(page.getByTestId('data-summary')).toContainText('no labels', { timeout: 60_000 });
  await expect(page.getByTestId('param-k')).toHaveAttribute('placeholder', /no labels/);
  await expect(page.getByTestId('color-label')).toHaveCount(0);
  await expect(page.getByTestId('color-correct')).toHaveCount(0);
  await expect(page.getByTestId('label-free-metrics')).toBeVisible();
  await page.getByTestId('drop-train').click();
  await waitForStatus(page, 'finished', 120_000);
  await expect(page.getByTestId('drop-summary')).toHaveCount(0);
  await expect(page.getByTestId('scatter-title')).toContainText('PCA of the raw pixels');
  await expect(page.getByTestId('loss-empty')).toContainText('recorded no loss');
  await expect(page.getByTestId('progress-stats')).not.toContainText('step 0/0');

  // The hover card's picture does not cover its own text.
  const scatter = page.getByTestId('scatter');
  const b = (await scatter.boundingBox())!;
  const hover = page.getByTestId('hover-card');
  for (let k = 0; k < 400 && !(await hover.isVisible()); k++) await page.mouse.move(b.x + b.width * (0.1 + (k % 20) * 0.04), b.y + b.height * (0.1 + Math.floor(k / 20) * 0.04));
  await expect(hover).toBeVisible();
  const image = (await hover.locator('canvas').first().boundingBox())!;
  const text = (await hover.locator('.hover-text').boundingBox())!;
  expect(image.width).toBeLessThan(70);
  expect(text.x).toBeGreaterThanOrEqual(image.x + image.width - 1);
});

test('on a phone: Train on the first screen, nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const train = (await page.getByTestId('train').boundingBox())!;
  expect(train.y + train.height).toBeLessThan(844);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The empty plot's hint stays clear of the axis labels.
  const hint = (await page.locator('.scatter-empty').boundingBox())!;
  const wrap = (await page.locator('.scatter-wrap').first().boundingBox())!;
  expect(hint.x).toBeGreaterThanOrEqual(wrap.x + 30);
});

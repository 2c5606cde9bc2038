import { expect, test } from '@playwright/test';
import { metricValue, scatterAttr, waitForStatus } from './helpers';

// DEC on MNIST-10k through the real UI, with a short budget so CI's 2 cores finish in minutes:
// the small autoencoder, 3 pretraining epochs, at most 600 clustering steps.
const HASH =
  '#dataset=mnist-10k&method=dec&seed=3&arch=small&pretrainEpochs=3&maxIter=600&updateInterval=140&sampleSize=2000&snapshotEveryMs=500';

test('DEC on MNIST-10k: points drawn, metrics move, pause holds, the link reproduces the settings', async ({ page }) => {
  await page.goto('/' + HASH);
  await expect(page.getByTestId('param-dataset')).toHaveValue('mnist-10k');
  await expect(page.getByTestId('param-method')).toHaveValue('dec');
  await expect(page.getByTestId('metric-acc')).toHaveText('—');

  await page.getByTestId('train').click();
  await expect(page.getByTestId('backend')).toContainText(/wasm|webgl|webgpu|cpu/i, { timeout: 60_000 });

  // The canvas draws the fixed sample, and frames keep coming while pretraining runs.
  await expect.poll(() => scatterAttr(page, 'data-points'), { timeout: 120_000 }).toBe(2000);
  const firstFrame = await scatterAttr(page, 'data-frame');
  await expect.poll(() => scatterAttr(page, 'data-frame'), { timeout: 120_000 }).toBeGreaterThan(firstFrame);

  // Pause: the step counter stops moving; resume: it moves again.
  await page.getByTestId('pause').click();
  await waitForStatus(page, 'paused', 30_000);
  const pausedText = await page.getByTestId('progress').innerText();
  await page.waitForTimeout(1500);
  expect(await page.getByTestId('progress').innerText()).toBe(pausedText);
  await page.getByTestId('resume').click();
  await waitForStatus(page, 'running', 30_000);

  // Metrics appear once k-means has initialised the clusters, then change as DEC trains.
  await expect.poll(() => metricValue(page, 'acc'), { timeout: 300_000 }).toBeGreaterThan(0);
  const firstAcc = await page.getByTestId('metric-acc').innerText();
  await waitForStatus(page, 'finished', 300_000);
  const acc = await metricValue(page, 'acc');
  const nmi = await metricValue(page, 'nmi');
  const ari = await metricValue(page, 'ari');
  // Far above chance (0.1) for 10 digit classes even on this short budget.
  expect(acc).toBeGreaterThan(0.4);
  expect(nmi).toBeGreaterThan(0.3);
  expect(ari).toBeGreaterThan(0.2);
  expect(await page.getByTestId('metric-acc').innerText()).not.toBe(firstAcc);
  // The label-free row too: digit clusters in a DEC embedding are clearly separated and balanced.
  expect(await metricValue(page, 'silhouette')).toBeGreaterThan(0.1);
  expect(await metricValue(page, 'sizeEntropy')).toBeGreaterThan(0.8);

  // Reload from the URL: the same settings come back.
  const url = page.url();
  expect(url).toContain('arch=small');
  expect(url).toContain('seed=3');
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByTestId('param-dataset')).toHaveValue('mnist-10k');
  await expect(page.getByTestId('param-seed')).toHaveValue('3');
  await expect(page.getByTestId('param-arch')).toHaveValue('small');
  await expect(page.getByTestId('param-pretrainEpochs')).toHaveValue('3');
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { encodePng } from '../src/core/data/ingest/encodePng';
import { STRIPE_CLASSES, stripesDataset } from '../src/core/external/testing/stripes';
import { dropPaths } from './dropData';
import { metricValue, waitForStatus } from './helpers';
import { writeFiles } from './writeFiles';

// External knowledge without any network: colour "photos" (stripes whose class is their
// orientation, with random colours and phase) dropped as PNG files, clustered by the MobileNetV2
// bundled in the app. Pixel k-means is near chance on them (ACC ≈ 0.4); the backbone is not.
test('dropped colour photos cluster through the bundled pretrained backbone with the network blocked', async ({ page }) => {
  const external: string[] = [];
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === 'localhost' || hostname === '127.0.0.1') return route.continue();
    external.push(route.request().url());
    return route.abort();
  });

  const per = 20;
  const data = stripesDataset(per * STRIPE_CLASSES.length, 32, 4);
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-photos-'));
  writeFiles(
    dir,
    Array.from({ length: data.n }, (_, i) => ({
      path: `photos/${STRIPE_CLASSES[data.labels![i]]}/${String(i).padStart(3, '0')}.png`,
      bytes: encodePng(32, 32, 3, Uint8Array.from(data.x.subarray(i * data.dim, (i + 1) * data.dim), (v) => Math.round(v * 255))),
    })),
  );

  await page.goto('/#method=backbone-kmeans&backend=wasm');
  await dropPaths(page, [join(dir, 'photos')]);
  await expect(page.getByTestId('data-summary')).toContainText(`${data.n} images`, { timeout: 60_000 });
  await page.getByTestId('preprocess-color').selectOption('rgb');
  await page.getByTestId('preprocess-size').selectOption('32');
  await expect(page.getByTestId('data-summary')).toContainText('32 × 32 colour');
  await expect(page.getByTestId('method-card')).toContainText('ImageNet');

  // Every text the progress line shows while the run trains (the extraction lasts a moment).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progressTexts: string[] }).__progressTexts = seen;
    const line = document.querySelector('[data-testid="progress"]')!;
    new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('train').click();
  await waitForStatus(page, 'finished', 180_000);
  const texts = await page.evaluate(() => (window as unknown as { __progressTexts: string[] }).__progressTexts);
  expect(texts.some((t) => /Extracting MobileNetV2 features \(96 px\) \d+ \/ 60/.test(t))).toBe(true);

  // Clusters on the scatter, and they follow the orientation, far above chance (1/3).
  await expect(page.getByTestId('scatter')).toHaveAttribute('data-points', String(data.n));
  expect(await metricValue(page, 'acc')).toBeGreaterThan(0.75);
  expect(external).toEqual([]);
});

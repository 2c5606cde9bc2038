import { expect, test } from '@playwright/test';
import { metricValue, waitForStatus } from './helpers';

// Forces the WebGPU backend. Here it runs on SwiftShader (a CPU software adapter, ~10x slower than
// WASM), so the run is tiny: k-means-initialised DEC on 2-D blobs with a handful of steps.
test('WebGPU backend runs a few DEC steps and reports webgpu', async ({ page }) => {
  const hasAdapter = await (async () => {
    await page.goto('/');
    return page.evaluate(async () => {
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      return !!gpu && !!(await gpu.requestAdapter());
    });
  })();
  expect(hasAdapter, 'Chromium must expose a WebGPU adapter (run with --enable-unsafe-webgpu)').toBe(true);

  await page.goto(
    '/#dataset=blobs&method=dec&backend=webgpu&seed=1&arch=small&pretrainEpochs=1&maxIter=20&updateInterval=10&kmeansInit=2&snapshotEveryMs=500',
  );
  await page.getByTestId('train').click();
  await expect(page.getByTestId('backend')).toContainText('webgpu', { timeout: 120_000 });
  await waitForStatus(page, 'finished', 300_000);
  await expect(page.getByTestId('backend')).toContainText('webgpu');
  // Blobs are well separated: even a few steps cluster them far above chance (0.2 for 5 blobs).
  expect(await metricValue(page, 'acc')).toBeGreaterThan(0.6);
});

import { expect, test, type Page } from '@playwright/test';

/** Every pixel of the grid's canvases (RGBA, one after another), read in the page. */
function gridPixels(page: Page): Promise<number[]> {
  return page.getByTestId('augment-grid').evaluate((grid) =>
    Array.from(grid.querySelectorAll('canvas')).flatMap((c) => {
      const canvas = c as HTMLCanvasElement;
      return Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data);
    }),
  );
}

test('the augmented pairs of the default data are drawn, and a new draw shows other views', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByTestId('augment-pairs');
  await panel.locator('summary').click();
  await expect(panel).toContainText('two views of one image belong together');
  // 8 images, each as original, weak and strong view.
  await expect(page.getByTestId('augment-grid').locator('canvas')).toHaveCount(24);
  await expect(panel).toContainText('Weak (weakDigits)');
  await expect(panel).toContainText('rotate up to ±20°');

  const first = await gridPixels(page);
  // Digits are white strokes on black: some pixels are lit (a blank canvas is all 0 or all one grey).
  const lit = first.filter((v, i) => i % 4 !== 3 && v > 128).length;
  expect(lit).toBeGreaterThan(24 * 20);
  expect(first.filter((v, i) => i % 4 !== 3 && v === 0).length).toBeGreaterThan(24 * 100);

  // The button is reachable and works from the keyboard.
  await page.getByTestId('augment-new-draw').focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await gridPixels(page)).some((v, i) => v !== first[i])).toBe(true);
  const second = await gridPixels(page);
  const changed = second.filter((v, i) => v !== first[i]).length;
  expect(changed).toBeGreaterThan(first.length / 20);
});

test('vector data has no augmented pairs, and the view says why', async ({ page }) => {
  await page.goto('/#dataset=blobs');
  const panel = page.getByTestId('augment-pairs');
  await panel.locator('summary').click();
  await expect(page.getByTestId('augment-message')).toContainText('Augmentations need images');
  await expect(page.getByTestId('augment-grid')).toHaveCount(0);
});

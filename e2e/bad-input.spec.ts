import { expect, test } from '@playwright/test';

test('a bad link shows what was wrong and falls back to defaults', async ({ page }) => {
  await page.goto('/#method=nope&dataset=imagenet&seed=x&sampleSize=5');
  const message = page.getByTestId('message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('nope');
  await expect(message).toContainText('imagenet');
  await expect(page.getByTestId('param-method')).toHaveValue('dec');
  await expect(page.getByTestId('param-dataset')).toHaveValue('mnist-10k');
  await expect(page.getByTestId('train')).toBeEnabled();
});

test('an undecodable hash does not crash the app', async ({ page }) => {
  await page.goto('/#%E0%A4%A');
  await expect(page.getByTestId('train')).toBeEnabled();
  await expect(page.getByTestId('param-method')).toHaveValue('dec');
});

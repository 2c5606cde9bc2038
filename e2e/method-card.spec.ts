import { expect, test } from '@playwright/test';

test('the method card follows the chosen method: its equation, steps and failure mode', async ({ page }) => {
  await page.goto('/');
  const card = page.getByTestId('method-card');
  await expect(card).toContainText('Pseudo-labelling');
  await expect(page.getByTestId('method-equation')).toContainText('KL(P ‖ Q)');
  await expect(card.locator('li')).toHaveCount(3);
  await page.getByTestId('param-method').selectOption('vade');
  await expect(card).toContainText('Distribution prior');
  await expect(page.getByTestId('method-equation')).toContainText('ELBO');
  await expect(page.getByTestId('method-failure')).toContainText('GMM');
  // The choice is in the link.
  await expect(page).toHaveURL(/method=vade/);
});

import { expect, type Page } from '@playwright/test';

/** Numeric text of a metric cell, or NaN while it shows '—'. */
export async function metricValue(page: Page, key: 'acc' | 'nmi' | 'ari' | 'silhouette' | 'sizeEntropy'): Promise<number> {
  return Number.parseFloat((await page.getByTestId(`metric-${key}`).innerText()).trim());
}

export async function scatterAttr(page: Page, attr: 'data-points' | 'data-frame'): Promise<number> {
  return Number(await page.getByTestId('scatter').getAttribute(attr));
}

export async function waitForStatus(page: Page, status: string, timeout = 300_000): Promise<void> {
  await expect(page.getByTestId('progress')).toHaveAttribute('data-status', status, { timeout });
}

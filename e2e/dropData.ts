/**
 * Drag-and-drop of real files and folders in e2e tests: Chromium's DevTools protocol drags paths
 * from disk onto the page exactly as a person's drag from a file manager would (folders arrive
 * as directory entries), so the app's drop handling is tested for real, not simulated.
 */
import type { Page } from '@playwright/test';

export async function dropPaths(page: Page, paths: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  // The middle of the viewport: the page takes a drop anywhere, wherever it is scrolled to.
  const size = page.viewportSize() ?? { width: 800, height: 600 };
  const x = Math.round(size.width / 2);
  const y = Math.round(size.height / 2);
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  }
  await cdp.detach();
}

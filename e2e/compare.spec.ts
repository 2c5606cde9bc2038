import { readFile } from 'node:fs/promises';
import { expect, test, type Locator } from '@playwright/test';

// A shared comparison link: DEC, DCN and IDEC on MNIST-10k with one short shared pretraining (the
// small autoencoder, 1 epoch) and short clustering phases, so CI's 2 cores finish in a few minutes.
const RUN = 'arch=small&pretrainEpochs=1';
const HASH =
  `#seed=4&sampleSize=1000&snapshotEveryMs=400&projection=pca&${RUN}&maxIter=150&updateInterval=50` +
  `&r2.method=dcn&${RUN.replace(/(^|&)/g, '$1r2.')}&r2.clusterEpochs=1` +
  `&r3.method=idec&${RUN.replace(/(^|&)/g, '$1r3.')}&r3.maxIter=150&r3.updateInterval=50`;

const frameOf = async (card: Locator): Promise<number> => Number(await card.getByTestId('scatter').getAttribute('data-frame'));
const accOf = async (card: Locator): Promise<string> => (await card.getByTestId('card-acc').innerText()).trim();

test('a shared comparison link: three runs train at once, brushing links them, export and import round-trip', async ({ page }) => {
  await page.goto('/' + HASH);
  const cards = page.getByTestId('run-card');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0).getByTestId('run-focus')).toHaveText(/DEC/);
  await expect(cards.nth(1).getByTestId('run-focus')).toHaveText(/DCN/);
  await expect(cards.nth(2).getByTestId('run-focus')).toHaveText(/IDEC/);
  await expect(page.getByTestId('compare-row')).toHaveCount(3);

  await page.getByTestId('train').click();
  // Three scatters training at once: every card running, and each one's frames advancing.
  await expect.poll(async () => Promise.all([0, 1, 2].map((i) => cards.nth(i).getAttribute('data-status'))), { timeout: 120_000 }).toEqual([
    'running',
    'running',
    'running',
  ]);
  const first = await Promise.all([0, 1, 2].map((i) => frameOf(cards.nth(i))));
  for (const i of [0, 1, 2]) await expect.poll(() => frameOf(cards.nth(i)), { timeout: 120_000 }).toBeGreaterThan(first[i]);
  // One pretraining serves all three.
  await expect(cards.nth(1)).toContainText('shared pretraining', { timeout: 180_000 });
  await expect(cards.nth(1)).toContainText('trained once for 3 runs');

  for (const i of [0, 1, 2]) await expect(cards.nth(i)).toHaveAttribute('data-status', 'finished', { timeout: 300_000 });
  const accs = await Promise.all([0, 1, 2].map((i) => accOf(cards.nth(i))));
  for (const a of accs) expect(Number(a)).toBeGreaterThan(0.3);

  // Brush in the first scatter: the same points light up in the other two.
  await page.getByTestId('select-mode').click();
  const box = (await cards.nth(0).getByTestId('scatter').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7, { steps: 10 });
  await page.mouse.up();
  const selected = Number(await page.getByTestId('selection-count').innerText());
  expect(selected).toBeGreaterThan(0);
  for (const i of [0, 1, 2]) await expect(cards.nth(i).getByTestId('scatter')).toHaveAttribute('data-emphasised', String(selected));
  await page.keyboard.press('Escape');
  await page.getByTestId('select-mode').click();

  // Hovering a point in one run rings the same point in the others.
  const b1 = (await cards.nth(1).getByTestId('scatter').boundingBox())!;
  const hoverCard = cards.nth(1).getByTestId('hover-card');
  for (let k = 0; k < 400 && !(await hoverCard.isVisible()); k++) {
    await page.mouse.move(b1.x + b1.width * (0.1 + (k % 20) * 0.04), b1.y + b1.height * (0.1 + Math.floor(k / 20) * 0.04));
  }
  await expect(hoverCard).toBeVisible();
  expect(Number(await cards.nth(0).getByTestId('scatter').getAttribute('data-marked'))).toBeGreaterThanOrEqual(0);
  expect(Number(await cards.nth(2).getByTestId('scatter').getAttribute('data-marked'))).toBeGreaterThanOrEqual(0);

  // Points two runs cluster differently can be coloured.
  await page.getByTestId('color-disagree').check({ force: true });
  await expect(cards.nth(1).getByTestId('card-legend')).toContainText('clustered otherwise');

  // Save the comparison, clear everything, open the file again: the same runs and scores.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-comparison').click()]);
  const saved = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(saved.runs.map((r: { method: string }) => r.method)).toEqual(['dec', 'dcn', 'idec']);
  expect(saved.runs.map((r: { final: { metrics: { acc: number } } }) => r.final.metrics.acc.toFixed(3))).toEqual(accs);
  expect(saved.runs[0].clusters).toHaveLength(10_000);

  await page.getByTestId('reset').click();
  for (const i of [0, 1, 2]) await expect(cards.nth(i)).toHaveAttribute('data-status', 'idle');
  await page.getByTestId('import-file').setInputFiles({ name: 'comparison.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await expect(page.getByTestId('compare-status')).toContainText('Opened comparison.json');
  await expect(cards).toHaveCount(3);
  for (const i of [0, 1, 2]) {
    await expect(cards.nth(i)).toHaveAttribute('data-status', 'finished');
    await expect(cards.nth(i).getByTestId('card-acc')).toHaveText(accs[i]);
    await expect.poll(async () => Number(await cards.nth(i).getByTestId('scatter').getAttribute('data-points'))).toBe(1000);
  }
  expect(page.url()).toContain('r2.method=dcn');
  expect(page.url()).toContain('r3.method=idec');

  // Training again starts from the cached pretraining at once, and so does a new page (IndexedDB).
  for (const reload of [false, true]) {
    if (reload) await page.reload();
    await page.getByTestId('train').click();
    for (const i of [0, 1, 2]) await expect(cards.nth(i)).toContainText('starts from the shared pretraining (cached)', { timeout: 60_000 });
    await page.getByTestId('stop').click();
    for (const i of [0, 1, 2]) await expect(cards.nth(i)).toHaveAttribute('data-status', /stopped|finished/, { timeout: 60_000 });
  }
});

test('a run added, duplicated with one change (what if) and removed; the link follows', async ({ page }) => {
  await page.goto('/#dataset=blobs&method=dec&arch=small&pretrainEpochs=1&maxIter=40');
  await expect(page.getByTestId('run-card')).toHaveCount(0); // one run: the single view
  await page.getByTestId('what-if').click();
  const cards = page.getByTestId('run-card');
  await expect(cards).toHaveCount(2);
  // The duplicate is focused: change one of its parameters.
  await expect(page.getByTestId('controls-scope')).toContainText('DEC (run 2)');
  await page.getByTestId('param-alpha').fill('3');
  await expect(cards.nth(1).getByTestId('what-if')).toContainText('Student-t α: 3 (was default)');
  await expect(cards.nth(1).getByTestId('run-focus')).toContainText('DEC · Student-t α 3');
  await expect.poll(() => page.url()).toContain('r2.alpha=3');
  await page.getByTestId('add-run').click();
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(2).getByTestId('run-focus')).toHaveText(/k-means/);
  await cards.nth(0).getByTestId('run-remove').click();
  await expect(cards).toHaveCount(2);
  await expect.poll(() => page.url()).toContain('r2.method=kmeans');
  await page.getByTestId('train').click();
  for (const i of [0, 1]) await expect(cards.nth(i)).toHaveAttribute('data-status', 'finished', { timeout: 120_000 });
  await expect(page.getByTestId('compare-row')).toHaveCount(2);
});

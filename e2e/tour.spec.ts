import { expect, test, type Page } from '@playwright/test';

// Teaching: the guided tour walked to its end with the keyboard alone, each step adding its run
// and pointing at what changed in numbers taken from the runs themselves; every prior family's
// card renders its equation with KaTeX, from the prior picker and from every run panel; and the
// tour on a phone. Budgets are tiny (a small autoencoder, 3 epochs, short clustering phases; the
// tour carries them into its runs) so a 2-core machine walks it in a few minutes.
const HASH =
  '#seed=5&sampleSize=1000&snapshotEveryMs=300&projection=pca&arch=small&pretrainEpochs=3&maxIter=200&updateInterval=100' +
  '&r2.method=dcn&r2.arch=small&r2.pretrainEpochs=3&r2.clusterEpochs=1' +
  '&r3.method=vade&r3.arch=small&r3.pretrainEpochs=3&r3.vadeEpochs=1' +
  '&r4.method=kmeans&r4.nInit=2';

// Any uncaught error on the page fails the test, with its message.
const pageErrors: string[] = [];
test.beforeEach(({ page }) => {
  pageErrors.length = 0;
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
test.afterEach(() => expect(pageErrors).toEqual([]));

const FAMILY_IDS = ['baseline', 'structure', 'distribution', 'augmentation', 'neighborhood', 'pseudo-label', 'external'];
const FINAL = { timeout: 300_000 };

/** The methods in the comparison, in order (one run: no run cards, the method select says it). */
async function methodsShown(page: Page): Promise<string[]> {
  const cards = page.getByTestId('run-card');
  if ((await cards.count()) === 0) return [await page.getByTestId('param-method').inputValue()];
  return cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-method') ?? ''));
}

const cardAcc = async (page: Page, method: string): Promise<string> => (await page.locator(`[data-testid="run-card"][data-method="${method}"]`).getByTestId('card-acc').innerText()).trim();

async function pointerText(page: Page): Promise<string> {
  const pointer = page.getByTestId('tour-pointer');
  await expect(pointer).toHaveAttribute('data-final', 'true', FINAL);
  await expect(pointer).toHaveAttribute('data-metric', 'ACC');
  return (await pointer.locator('p').innerText()).replace(/^→\s*/, '');
}

/** Tab (or Shift+Tab, backwards) until the element is focused. */
async function tabTo(page: Page, testId: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${testId}`);
}

test('the guided tour, keyboard only: each step adds its run and points at what changed, then the lesson', async ({ page }) => {
  // Seven runs one after another, IMSAT's and SCAN's the longest (a few minutes each here).
  test.setTimeout(20 * 60_000);
  await page.goto('/' + HASH);
  await expect(page.getByTestId('run-card')).toHaveCount(4);

  await tabTo(page, 'tour-start');
  await page.keyboard.press('Enter');
  const tour = page.getByTestId('tour');
  await expect(tour).toHaveAttribute('data-step', 'kmeans');
  await expect(page.getByTestId('tour-count')).toHaveText('Guided tour · step 1 of 8');
  await expect(page.getByTestId('tour-next')).toBeFocused();
  expect(await methodsShown(page)).toEqual(['kmeans']);

  // 1. k-means on pixels: its ACC (the metrics panel's own number) and its weakest digit.
  let text = await pointerText(page);
  const pixels = (await page.getByTestId('metric-acc').innerText()).trim();
  expect(text).toContain(`k-means reaches ACC ${pixels}.`);
  const weakest = await page.getByTestId('tour-pointer').getAttribute('data-cluster');
  expect(weakest).toMatch(/^\d$/);
  expect(text).toContain(`Its weakest digit is ${weakest}`);
  // The pointer shows that digit in the scatter (the linked selection).
  await tabTo(page, 'tour-show-digit', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect.poll(async () => Number(await page.getByTestId('scatter').getAttribute('data-emphasised'))).toBeGreaterThan(0);

  // 2. AE + k-means (key N): its run joins and trains, saying what its phase does.
  await page.keyboard.press('n');
  await expect(tour).toHaveAttribute('data-step', 'ae-kmeans');
  expect(await methodsShown(page)).toEqual(['kmeans', 'ae-kmeans']);
  const aeCard = page.locator('[data-testid="run-card"][data-method="ae-kmeans"]');
  await expect(aeCard.getByTestId('phase-note')).toContainText('Pretrain: the autoencoder learns');
  text = await pointerText(page);
  await expect(aeCard).toHaveAttribute('data-status', 'finished');
  const start = await cardAcc(page, 'ae-kmeans');
  expect(text).toMatch(new RegExp(`^AE \\+ k-means (lifted ACC from ${pixels} to ${start}|lowered ACC from ${pixels} to ${start}|kept ACC about the same \\(${pixels} → ${start}\\)) over k-means\\.`));

  // 3. DEC (arrow key): measured against AE + k-means, naming the digit that changed most.
  await page.keyboard.press('ArrowRight');
  await expect(tour).toHaveAttribute('data-step', 'dec');
  expect(await methodsShown(page)).toEqual(['kmeans', 'ae-kmeans', 'dec']);
  text = await pointerText(page);
  const dec = await cardAcc(page, 'dec');
  expect(text).toMatch(new RegExp(`^DEC (lifted ACC from ${start} to ${dec}|lowered ACC from ${start} to ${dec}|kept ACC about the same \\(${start} → ${dec}\\)) over AE \\+ k-means\\.`));
  const decDigit = await page.getByTestId('tour-pointer').getAttribute('data-cluster');
  expect(text).toContain(decDigit ? `The cluster of digit ${decDigit} changed most` : 'No digit’s cluster moved');

  // 4. DCN (Enter on the focused Next button); Back goes back in the text only, N returns.
  await tabTo(page, 'tour-next');
  await page.keyboard.press('Enter');
  await expect(tour).toHaveAttribute('data-step', 'dcn');
  expect(await methodsShown(page)).toEqual(['kmeans', 'ae-kmeans', 'dec', 'dcn']);
  await page.keyboard.press('b');
  await expect(tour).toHaveAttribute('data-step', 'dec');
  await page.keyboard.press('n');
  await expect(tour).toHaveAttribute('data-step', 'dcn');
  expect(await methodsShown(page)).toEqual(['kmeans', 'ae-kmeans', 'dec', 'dcn']);
  text = await pointerText(page);
  const dcn = await cardAcc(page, 'dcn');
  expect(text).toMatch(new RegExp(`^DCN (lifted ACC from ${start} to ${dcn}|lowered ACC from ${start} to ${dcn}|kept ACC about the same \\(${start} → ${dcn}\\)) over AE \\+ k-means\\.`));

  // 5. VaDE: the comparison is full, so k-means on pixels makes room (AE + k-means stays).
  await page.keyboard.press('n');
  await expect(tour).toHaveAttribute('data-step', 'vade');
  expect(await methodsShown(page)).toEqual(['ae-kmeans', 'dec', 'dcn', 'vade']);
  text = await pointerText(page);
  const vade = await cardAcc(page, 'vade');
  expect(text).toMatch(new RegExp(`^VaDE (lifted|lowered|kept) ACC.*${vade.replace('.', '\\.')}.* over AE \\+ k-means\\.`));

  // 6. IMSAT (augmentation invariance, a short run for the tour): no autoencoder, measured against AE + k-means.
  await page.keyboard.press('n');
  await expect(tour).toHaveAttribute('data-step', 'imsat');
  expect(await methodsShown(page)).toEqual(['ae-kmeans', 'dcn', 'vade', 'imsat']);
  text = await pointerText(page);
  const imsat = await cardAcc(page, 'imsat');
  expect(text).toMatch(new RegExp(`^IMSAT (lifted|lowered|kept) ACC.*${imsat.replace('.', '\\.')}.* over AE \\+ k-means\\.`));

  // 7. SCAN (neighbourhood consistency): pretext → neighbours → SCAN → self-labelling, each a phase.
  await page.keyboard.press('n');
  await expect(tour).toHaveAttribute('data-step', 'scan');
  expect(await methodsShown(page)).toEqual(['ae-kmeans', 'vade', 'imsat', 'scan']);
  text = await pointerText(page);
  const scan = await cardAcc(page, 'scan');
  expect(text).toMatch(new RegExp(`^SCAN (lifted|lowered|kept) ACC.*${scan.replace('.', '\\.')}.* over AE \\+ k-means\\.`));

  // 8. The lesson, from the numbers: features first, then the prior that lifted ACC most.
  await page.keyboard.press('n');
  await expect(tour).toHaveAttribute('data-step', 'lesson');
  await expect(page.getByTestId('tour-count')).toHaveText('Guided tour · step 8 of 8');
  text = await pointerText(page);
  expect(text).toContain(`Learning features lifted ACC from ${pixels} (k-means on pixels) to ${start} (AE + k-means).`);
  const priors = [
    { name: 'DEC', family: 'pseudo-labelling', acc: dec },
    { name: 'DCN', family: 'structure', acc: dcn },
    { name: 'VaDE', family: 'distribution', acc: vade },
    { name: 'IMSAT', family: 'augmentation invariance', acc: imsat },
    { name: 'SCAN', family: 'neighbourhood consistency', acc: scan },
  ].sort((a, b) => Number(b.acc) - Number(a.acc));
  const best = priors[0];
  if (Number(best.acc) - Number(start) >= 0.005) expect(text).toContain(`the ${best.family} prior lifted it most: ${best.name} ${best.acc}`);
  else expect(text).toContain('No prior beat AE + k-means here');
  for (const [name, acc] of [['k-means', pixels], ['AE + k-means', start], ['DEC', dec], ['DCN', dcn], ['VaDE', vade], ['IMSAT', imsat], ['SCAN', scan]]) expect(text).toContain(`${name} ${acc}`);

  // Finish: the tour closes, the comparison it built stays, and the focus returns to its button.
  await expect(page.getByTestId('tour-next')).toHaveText('Finish');
  await expect(page.getByTestId('tour-next')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tour).toHaveCount(0);
  await expect(page.getByTestId('tour-start')).toBeFocused();
  expect(await methodsShown(page)).toEqual(['ae-kmeans', 'vade', 'imsat', 'scan']);
});

async function expectKatexCard(page: Page, family: string): Promise<void> {
  const dialog = page.getByTestId('family-dialog');
  await expect(dialog).toBeVisible();
  const card = dialog.getByTestId('family-card');
  await expect(card).toHaveAttribute('data-family', family);
  // KaTeX's output: MathML for screen readers beside the typeset HTML.
  await expect(card.locator('[data-testid="family-equation"] .katex-mathml math')).toHaveCount(1);
  await expect(card.locator('[data-testid="family-equation"] .katex-html')).toBeVisible();
  await expect(card.getByTestId('family-diagram')).toBeVisible();
  expect(await card.getByTestId('family-strengths').locator('li').count()).toBeGreaterThan(0);
  expect(await card.getByTestId('family-failures').locator('li').count()).toBeGreaterThan(0);
}

test('every prior family has a card with its equation typeset by KaTeX, from the picker and from every run panel', async ({ page }) => {
  await page.goto('/#method=kmeans&r2.method=dcn&r3.method=vade&r4.method=dec');
  const dialog = page.getByTestId('family-dialog');

  // From the prior picker: all seven families, each with its methods (none is "coming" any more).
  for (const id of FAMILY_IDS) {
    const opener = page.getByTestId(`prior-card-${id}`);
    await opener.focus();
    await page.keyboard.press('Enter');
    await expectKatexCard(page, id);
    await expect(dialog.getByTestId('family-card')).toHaveAttribute('data-coming', 'false');
    expect(await dialog.getByTestId('family-methods').locator('li').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  }
  await page.getByTestId('prior-card-pseudo-label').click();
  await expect(dialog.getByTestId('family-methods')).toContainText('DEC');
  await dialog.getByTestId('family-next').click(); // the next family in the survey's order
  await expectKatexCard(page, 'external');
  await dialog.getByTestId('family-close').click();
  await expect(dialog).toBeHidden();

  // From every run panel: the card of that run's family.
  const expected: Record<string, string> = { kmeans: 'baseline', dcn: 'structure', vade: 'distribution', dec: 'pseudo-label' };
  const cards = page.getByTestId('run-card');
  await expect(cards).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    const method = (await cards.nth(i).getAttribute('data-method'))!;
    await cards.nth(i).getByTestId('run-family-card').click();
    await expectKatexCard(page, expected[method]);
    await dialog.getByTestId('family-close').click();
    await expect(dialog).toBeHidden();
  }

  // One run alone: its method card names the family and opens it.
  await page.goto('/#method=dcn');
  await page.getByTestId('method-family-card').click();
  await expectKatexCard(page, 'structure');
});

test('on a phone: the tour fits 390 px without sideways scrolling, and Next never waits for training', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/' + HASH);
  await page.getByTestId('tour-start').click();
  const tour = page.getByTestId('tour');
  const fits = async (): Promise<void> => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await tour.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  };
  const steps = ['kmeans', 'ae-kmeans', 'dec', 'dcn', 'vade', 'imsat', 'scan', 'lesson'];
  for (let i = 0; i < steps.length; i++) {
    await expect(tour).toHaveAttribute('data-step', steps[i]);
    await fits();
    // Next right away: each step's run joins while the others still train.
    if (i < steps.length - 1) await page.getByTestId('tour-next').click();
  }
  expect(await methodsShown(page)).toEqual(['ae-kmeans', 'vade', 'imsat', 'scan']);
  const statuses = await page.getByTestId('run-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  expect(statuses.some((s) => s === 'starting' || s === 'running')).toBe(true);

  // A family card on the phone: within the screen, no sideways scrolling.
  await page.getByTestId('run-family-card').first().click();
  const card = (await page.getByTestId('family-dialog').boundingBox())!;
  expect(card.x).toBeGreaterThanOrEqual(0);
  expect(card.x + card.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('family-dialog')).toBeHidden();
  await expect(tour).toBeVisible(); // Escape closed the card, not the tour

  await page.keyboard.press('Escape');
  await expect(tour).toHaveCount(0);
  await page.getByTestId('stop').click();
});

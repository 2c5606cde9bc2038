import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { InputFile } from '../src/core/data/ingest/types';
import {
  corruptedZip,
  csvFile,
  emptyFile,
  idxTruncated,
  idxWrongMagic,
  mixedImages,
  nestedZips,
  pngClaimingSize,
  svgFile,
  textAsPng,
  tinyImages,
  truncatedJpeg,
  truncatedPng,
} from '../src/core/data/ingest/testing/fixtures';
import { digitPngs } from './digitImages';
import { dropPaths } from './dropData';
import { writeFiles } from './writeFiles';
import { metricValue, waitForStatus } from './helpers';

const under = (folder: string, files: InputFile[]): InputFile[] => files.map((f) => ({ ...f, path: `${folder}/${f.path}` }));

/** Every kind of bad file the app must survive, each named so its message can be found. */
function badFiles(folder: string): InputFile[] {
  return under(folder, [
    emptyFile('empty.png'),
    truncatedPng('cut.png'),
    truncatedJpeg('cut.jpg'),
    textAsPng('notes.png'),
    svgFile('logo.svg'),
    pngClaimingSize('huge.png', 10_000, 10_000),
    corruptedZip('broken.zip'),
    idxWrongMagic('bad-images-idx3-ubyte'),
    idxTruncated('cut-images-idx3-ubyte'),
    csvFile('ragged.csv', 'a,b,c\n1,2\n3,,NaN\n'),
  ]);
}
const BAD_NAMES = ['empty.png', 'cut.png', 'cut.jpg', 'notes.png', 'logo.svg', 'huge.png', 'broken.zip'];

test('bad files: a clear message each, valid files in the same drop load, the previous data and run stay', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-bad-'));
  writeFiles(dir, digitPngs([0, 1], 20, (d, i) => `good/${d === 0 ? 'zero' : 'one'}/${i}.png`));
  writeFiles(dir, badFiles('junk'));
  // Good images of every awkward kind, plus the same bad files.
  const digits = digitPngs([3], 6, (_, i) => `d${i}.png`);
  writeFiles(dir, [
    ...under('mixed', mixedImages('sizes')),
    { path: 'mixed/a/b/c/d/e/f/deep.png', bytes: digits[0].bytes },
    { path: 'mixed/café/ñandú 图.png', bytes: digits[1].bytes },
    { path: 'mixed/copy-1.png', bytes: digits[2].bytes },
    { path: 'mixed/copy-2.png', bytes: digits[2].bytes },
    { path: 'mixed/archive.zip', bytes: nestedZips(2, [{ path: 'in-zip-a.png', bytes: digits[3].bytes }, { path: 'in-zip-b.png', bytes: digits[4].bytes }]).bytes },
    ...badFiles('mixed/bad'),
  ]);
  // 4 sizes + deep + non-ASCII + one of the two copies + 2 inside the nested zip.
  const mixedGood = 9;

  // 1. A good drop, and a finished run on it (k-means on the pixels: quick).
  await page.goto('/#method=kmeans&seed=1');
  await dropPaths(page, [join(dir, 'good')]);
  await expect(page.getByTestId('data-summary')).toContainText('40 images, 28 × 28 grey, 2 classes', { timeout: 60_000 });
  await page.getByTestId('train').click();
  await waitForStatus(page, 'finished', 120_000);
  const acc = await metricValue(page, 'acc');
  expect(acc).toBeGreaterThan(0.9);

  // 2. A drop of nothing but bad files: a message, the list of what was wrong, nothing else lost.
  await dropPaths(page, [join(dir, 'junk')]);
  await expect(page.getByTestId('data-error')).toContainText(/No dataset could be loaded.*10 files were skipped/, { timeout: 60_000 });
  await expect(page.getByTestId('data-error')).toContainText('previously loaded data is still there');
  const problems = page.getByTestId('data-problems');
  await problems.locator('summary').click();
  for (const name of BAD_NAMES) await expect(problems).toContainText(`junk/${name}`);
  await expect(problems).toContainText(/10000 × 10000|10,000 × 10,000/);
  await expect(page.getByTestId('data-summary')).toContainText('40 images');
  await expect(page.getByTestId('progress')).toHaveAttribute('data-status', 'finished');
  expect(await metricValue(page, 'acc')).toBe(acc);

  // 3. Good and bad together: every good file loads, every bad one is listed.
  await dropPaths(page, [join(dir, 'mixed')]);
  await expect(page.getByTestId('data-summary')).toContainText(`${mixedGood} images`, { timeout: 60_000 });
  await expect(page.getByTestId('data-error')).toHaveCount(0);
  await problems.locator('summary').click();
  for (const name of BAD_NAMES) await expect(problems).toContainText(`mixed/bad/${name}`);
  await expect(page.getByTestId('data-notices')).toContainText(/duplicate/i);

  // 4. More clusters than images: refused with a message before training.
  await page.getByTestId('param-k').fill('20');
  await page.getByTestId('param-k').press('Enter');
  await page.getByTestId('train').click();
  await waitForStatus(page, 'error', 60_000);
  await expect(page.getByTestId('message')).toContainText(/20 clusters.*9 points|more clusters than/i);
});

test('20,000+ files: a progress bar while reading, then a cap with a message', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-many-'));
  writeFiles(dir, tinyImages(20_050, 'many'));
  await page.goto('/');
  await dropPaths(page, [join(dir, 'many')]);
  await expect(page.getByTestId('data-progress')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('data-summary')).toContainText('20,000 images', { timeout: 240_000 });
  await expect(page.getByTestId('data-notices')).toContainText('20,000 of 20,050 images');
});

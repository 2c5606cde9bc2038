import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { strToU8, unzipSync } from 'fflate';
import { concatBytes, pngChunk } from '../src/core/data/ingest/encodePng';
import { GIB, gzipBomb, zipBomb } from '../src/core/data/ingest/testing/bombs';
import { csvFile, gifWithFrame, tarOf } from '../src/core/data/ingest/testing/fixtures';
import type { InputFile } from '../src/core/data/ingest/types';
import { digitPngs } from './digitImages';
import { dropPaths } from './dropData';
import { waitForStatus } from './helpers';
import { writeFiles } from './writeFiles';

// Hostile and careless input through real drops (issue 16): decompression bombs, oversized GIF
// frames, data that cannot be clustered, a megabyte-long label, formula cells, and a tar whose
// export must hold the original files under names that are safe on every OS.

const KMEANS = '/#method=kmeans&seed=1';
const digits = (root: string, perClass: number): InputFile[] =>
  digitPngs([0, 1], perClass, (d, i) => `${root}/${d === 0 ? 'zero' : 'one'}/${String(i).padStart(3, '0')}.png`);

async function download(page: import('@playwright/test').Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync(await file.path());
}

test('bombs and a giant GIF frame are listed with their reason while the good images load', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-bombs-'));
  const good = digits('', 10).map((f) => ({ ...f, path: f.path.slice(1) }));
  writeFiles(dir, [
    zipBomb('drop/digits.zip', good, 3),
    gzipBomb('drop/huge-images-idx3-ubyte.gz', GIB / 2 ** 20),
    { path: 'drop/giant.gif', bytes: gifWithFrame(1, 1, 60_000, 60_000) },
  ]);
  await page.goto(KMEANS);
  await dropPaths(page, [join(dir, 'drop')]);
  await expect(page.getByTestId('data-summary')).toContainText('20 images, 28 × 28 grey, 2 classes', { timeout: 120_000 });
  const problems = page.getByTestId('data-problems');
  await problems.locator('summary').click();
  for (const entry of ['drop/digits/bomb-0.bin', 'drop/digits/bomb-2.bin', 'drop/huge-images-idx3-ubyte.gz']) {
    await expect(problems).toContainText(`${entry} expands to more than 256 MB when decompressed`);
  }
  await expect(problems).toContainText('drop/giant.gif is 60,000 × 60,000 pixels');
});

test('a drop that cannot be clustered is refused and the previous data stays', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-untrainable-'));
  writeFiles(dir, [...digits('good', 10), csvFile('one-row.csv', 'a,b\n1,2\n'), csvFile('one-class.csv', 'a,b,label\n1,2,cat\n3,4,cat\n5,6,cat\n')]);
  await page.goto(KMEANS);
  await dropPaths(page, [join(dir, 'good')]);
  await expect(page.getByTestId('data-summary')).toContainText('20 images', { timeout: 60_000 });

  await dropPaths(page, [join(dir, 'one-row.csv')]);
  await expect(page.getByTestId('data-error')).toContainText('Need at least 2 rows to cluster, but only 1 could be loaded (one-row.csv)', { timeout: 60_000 });
  await expect(page.getByTestId('data-error')).toContainText('The previously loaded data is still there.');
  await expect(page.getByTestId('data-summary')).toContainText('20 images');

  await dropPaths(page, [join(dir, 'one-class.csv')]);
  await expect(page.getByTestId('data-error')).toContainText("All 3 rows have the same label ('cat')", { timeout: 60_000 });
  await expect(page.getByTestId('data-summary')).toContainText('20 images');
  await page.getByTestId('train').click();
  await waitForStatus(page, 'finished', 120_000);
});

test('a megabyte-long label is shown cut and exported whole; formula cells are neutralised', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-label-'));
  const huge = 'L'.repeat(1_000_000);
  const formula = '=HYPERLINK(""http://example.com"",""x"")';
  const rows = Array.from({ length: 20 }, (_, i) => `${i < 10 ? 0 : 10},${i % 5},${i === 0 ? huge : i < 10 ? `"${formula}"` : 'plain'}`);
  writeFiles(dir, [csvFile('labels.csv', `a,b,label\n${rows.join('\n')}\n`)]);
  await page.goto(KMEANS);
  await dropPaths(page, [join(dir, 'labels.csv')]);
  const summary = page.getByTestId('data-summary');
  await expect(summary).toContainText('20 rows × 2 features, 3 classes', { timeout: 60_000 });
  expect((await summary.innerText()).length).toBeLessThan(300);
  await expect(summary).toContainText(`${'L'.repeat(39)}…`);

  await page.getByTestId('train').click();
  await waitForStatus(page, 'finished', 120_000);
  expect((await page.getByTestId('legend').innerText()).length).toBeLessThan(600);

  const csv = (await download(page, 'export-csv')).toString('utf8');
  expect(csv).toContain(`,${huge}\r\n`);
  expect(csv).toContain(`,"'${formula}"\r\n`);
});

test('a tar drop exports its original files, under names safe on every OS', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'priorscope-tar-'));
  // A text chunk makes each original differ from the PNG the app would re-encode from pixels.
  const originals = digits('', 10).map((f, i) => {
    const marked = concatBytes([f.bytes.subarray(0, 33), pngChunk('tEXt', strToU8(`Comment\0original ${i}`)), f.bytes.subarray(33)]);
    return { path: f.path.slice(1), bytes: marked };
  });
  const names = ['zero/CON.png', 'zero/nul.png', 'one/x\u202Egnp.png', 'one/trailing.png.'];
  names.forEach((name, i) => (originals[i * 5].path = name));
  writeFiles(dir, [{ path: 'digits.tar', bytes: tarOf(originals) }]);

  await page.goto(KMEANS);
  await dropPaths(page, [join(dir, 'digits.tar')]);
  await expect(page.getByTestId('data-summary')).toContainText('20 images', { timeout: 60_000 });
  await page.getByTestId('train').click();
  await waitForStatus(page, 'finished', 120_000);

  const entries = unzipSync(new Uint8Array(await download(page, 'export-zip')));
  expect(new TextDecoder().decode(entries['README.txt'])).toContain('20 images are the original files, unchanged.');
  const images = Object.keys(entries).filter((n) => n !== 'README.txt');
  expect(images).toHaveLength(20);
  const originalBytes = new Set(originals.map((f) => Buffer.from(f.bytes).toString('base64')));
  for (const name of images) expect(originalBytes.has(Buffer.from(entries[name]).toString('base64')), name).toBe(true);
  const bases = images.map((n) => n.split('/').pop()!).sort();
  expect(bases).toEqual(expect.arrayContaining(['_CON.png', '_nul.png', 'x_gnp.png', 'trailing.png']));
  for (const base of bases) expect(base).not.toMatch(/[\u202a-\u202e\u2066-\u2069]|[. ]$|^(con|nul)\./i);
});

// CLIP in the browser, with the tiny CLIP-like model (scripts/make-tiny-clip.py) chosen as a local
// model folder: transformers.js loads as its own chunk only now, onnxruntime-web's WASM comes from
// the app (never a CDN), and nothing leaves the machine. Without consent or a folder the panel
// says what to do; with consent but no network, the run fails with a message.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { waitForStatus } from './helpers';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function tinyClipDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'priorscope-clip-')), 'tiny-clip');
  execFileSync(PYTHON, [join(process.cwd(), 'scripts', 'make-tiny-clip.py'), dir]);
  return dir;
}

/** Every URL the page asks for, to check what was loaded and that nothing left the machine. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

test('TAC with a local model folder: lazy chunk, the app’s own WASM, no network beyond the app', async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto('/#method=tac&classes=zero%2C%20one%2C%20seven&sampleSize=500');
  await expect(page.getByTestId('clip-panel')).toBeVisible();
  await expect(page.getByTestId('clip-class-names')).toHaveValue('zero, one, seven');
  await expect(page.getByTestId('clip-not-allowed')).toContainText('tick the download box, or choose a local model folder');
  await expect(page.getByTestId('clip-consent')).not.toBeChecked();
  // The library is not loaded until a CLIP method runs.
  expect(urls.some((u) => /transformers/.test(u))).toBe(false);

  await page.getByTestId('clip-folder').setInputFiles(tinyClipDir());
  await expect(page.getByTestId('clip-folder-chosen')).toContainText('tiny-clip');
  await page.getByTestId('train').click();
  await waitForStatus(page, 'finished', 240_000);

  expect(urls.some((u) => /\/assets\/transformers[^/]*\.js$/.test(u)), 'the transformers.js chunk').toBe(true);
  expect(urls.some((u) => /\/assets\/ort-wasm-simd-threaded\.asyncify[^/]*\.wasm$/.test(u)), 'onnxruntime-web WASM from the app').toBe(true);
  const origin = new URL(page.url()).origin;
  const outside = urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(outside).toEqual([]);
});

test('consent without network: the run fails with a message that says what to do', async ({ page }) => {
  await page.route(/huggingface\.co/, (route) => route.abort('internetdisconnected'));
  await page.goto('/#method=tac&sampleSize=500');
  // Labelled controls: a preset list fills the names, which go into the link.
  await page.getByLabel('Pick from a list').selectOption('digits');
  await expect(page.getByLabel('Class names (comma-separated)')).toHaveValue('zero, one, two, three, four, five, six, seven, eight, nine');
  await expect(page).toHaveURL(/classes=zero%2C%20one%2C%20two/);
  await page.getByLabel(/Download CLIP from huggingface\.co/).focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('clip-consent')).toBeChecked();
  await expect(page.getByTestId('clip-not-allowed')).toBeHidden();
  await page.getByTestId('train').click();
  await waitForStatus(page, 'error', 120_000);
  await expect(page.getByTestId('message')).toContainText(/Could not download CLIP.*choose a local model folder/);
  // The consent is not part of the link.
  expect(page.url()).not.toMatch(/consent/);
});

test('consent: CLIP downloads from the hub (answered here by the tiny model) into the browser cache, then trains', async ({ page }) => {
  const dir = tinyClipDir();
  const asked: string[] = [];
  // The hub's paths, answered from the tiny folder: its 8-bit file names get the full-precision files.
  await page.route(/huggingface\.co\/Xenova\/clip-vit-base-patch32\/resolve\/main\//, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.split('/resolve/main/')[1]);
    asked.push(path);
    const file = join(dir, path.replace('_quantized.onnx', '.onnx'));
    if (!existsSync(file)) return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' } });
    const body = readFileSync(file);
    // The image model arrives slowly enough for the download bar to be seen.
    if (path.startsWith('onnx/vision_model')) await new Promise((r) => setTimeout(r, 2_000));
    return route.fulfill({ status: 200, body, headers: { 'access-control-allow-origin': '*', 'content-length': String(body.length), 'content-type': 'application/octet-stream' } });
  });
  await page.goto('/#method=tac&classes=zero%2C%20one&sampleSize=500');
  await page.getByTestId('clip-consent').check();
  await page.getByTestId('train').click();
  await expect(page.getByTestId('clip-download')).toContainText(/MB/, { timeout: 60_000 });
  await waitForStatus(page, 'finished', 240_000);
  expect(asked).toEqual(expect.arrayContaining(['config.json', 'onnx/vision_model_quantized.onnx', 'onnx/text_model_quantized.onnx', 'tokenizer.json']));
  // Kept in the browser's Cache API: the next visit does not download again.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return urls;
  });
  expect(cached.some((u) => /clip-vit-base-patch32\/resolve\/main\/onnx\/vision_model_quantized\.onnx$/.test(u)), cached.join(' ')).toBe(true);
});

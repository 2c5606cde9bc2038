#!/usr/bin/env node
/**
 * npm run bench [-- --only umap,tsne --sizes 5000,20000 --full --seconds 5 --backends wasm,webgl
 *                   --longtask-seconds 20 --longtask-projection umap,tsne]
 *
 * Runs bench.html in headless Chromium and prints one JSON line per result on stdout (progress
 * goes to stderr). Benches (pick with --only, by name or prefix; default all):
 *   train           DEC's autoencoder (784-500-500-2000-10, batch 256) per backend: samplesPerSec
 *   train-cnn       the convolutional encoder (conv 32-64-128, two augmented 28×28 views, NT-Xent,
 *                   batch 64) per backend and convolution route (all routes on WASM): samplesPerSec
 *   pca             exact PCA of MNIST's 784-d pixels: {"bench":"pca","points":70000,"ms":…}
 *   umap-cold/-warm UMAP of a 10-d embedding of MNIST, cold and the next (warm) frame
 *   tsne/-warm      Barnes–Hut t-SNE, to the end of its iterations (1,000 cold, 250 warm)
 *   scatter-redraw  one redraw of the scatter's points on a canvas (main thread)
 *   longtask        the longest main-thread task while the real app trains and projects
 *   compare         three runs side by side in the real app vs one alone: summed samples/s, the
 *                   ratio to the run alone, and the longest main-thread task (--longtask-seconds)
 * Sizes default to 5,000 / 20,000 / 70,000 points (t-SNE: also 10,000); sizes that would take
 * minutes print a {"skipped":…} line instead, unless --full.
 */
import { compareBench } from './bench-compare.mjs';
import { ensureBuilt, log, openPage, serveDist, waitForGlobal, watchLongTasks } from './serve-built.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const seconds = Number(opt('seconds', '5'));
const backends = opt('backends', 'wasm,webgl,webgpu,cpu');
const only = opt('only', '');
const sizes = opt('sizes', '');
const full = args.includes('--full');
const longSeconds = Number(opt('longtask-seconds', '20'));
const longProjections = opt('longtask-projection', 'umap,tsne');
if (!(seconds > 0) || !(longSeconds > 0) || ![backends, only, longProjections].every((s) => /^[a-z,-]*$/.test(s)) || !/^[0-9,]*$/.test(sizes)) {
  process.stderr.write(
    'usage: npm run bench -- [--only train,train-cnn,pca,umap,tsne,scatter,longtask,compare] [--sizes 5000,20000,70000] [--full]\n' +
      '                        [--seconds N] [--backends wasm,webgl,webgpu,cpu] [--longtask-seconds N] [--longtask-projection umap,tsne,pca]\n',
  );
  process.exit(2);
}
const wants = (name) => !only || only.split(',').some((t) => name === t || name.startsWith(`${t}-`));

/** A short DEC run on MNIST-10k with 5,000 points shown: training, snapshots and projections at once. */
const LONGTASK_HASH =
  'dataset=mnist-10k&method=dec&seed=3&arch=small&pretrainEpochs=3&maxIter=2000&updateInterval=140&sampleSize=5000&snapshotEveryMs=500';

async function longtask(url, projection) {
  const { browser, page } = await openPage('about:blank');
  try {
    await page.addInitScript(watchLongTasks);
    await page.goto(`${url}#${LONGTASK_HASH}&projection=${projection}`);
    await page.getByTestId('train').click();
    const clicked = await page.evaluate(() => performance.now());
    await page.waitForTimeout(longSeconds * 1000);
    const r = await page.evaluate((t0) => {
      const after = window.__longtasks.filter((e) => e.start + e.ms >= t0);
      const scatter = document.querySelector('[data-testid=scatter]');
      const worst = window.__loafs.filter((e) => e.start + e.ms >= t0).sort((a, b) => b.ms - a.ms)[0];
      return {
        count: after.length,
        maxMs: Math.round(Math.max(0, ...after.map((e) => e.ms))),
        totalMs: Math.round(after.reduce((s, e) => s + e.ms, 0)),
        framesDrawn: Number(scatter?.getAttribute('data-frame') ?? 0),
        status: document.querySelector('[data-testid=progress]')?.getAttribute('data-status') ?? null,
        backend: document.querySelector('[data-testid=backend]')?.textContent?.trim() ?? null,
        // The scripts of the longest animation frame, longest first: where to look.
        worstFrame: worst ? { ms: Math.round(worst.ms), scripts: worst.scripts.sort((a, b) => b.ms - a.ms).slice(0, 3) } : null,
      };
    }, clicked);
    return { bench: 'longtask', projection, seconds: longSeconds, ...r };
  } finally {
    await browser.close();
  }
}

let server;
let browser;
let code = 0;
try {
  ensureBuilt();
  server = await serveDist();
  const benchOnly = only
    .split(',')
    .filter((t) => t && t !== 'longtask' && t !== 'compare')
    .join(',');
  if (!only || benchOnly) {
    const query = new URLSearchParams({ seconds: String(seconds), backends, ...(benchOnly ? { only: benchOnly } : {}), ...(sizes ? { sizes } : {}), ...(full ? { full: '1' } : {}) });
    const opened = await openPage(`${server.url}bench.html?${query}`);
    browser = opened.browser;
    // Print each line as soon as its bench finishes.
    let printed = 0;
    await waitForGlobal(opened.page, '__bench', (s) => {
      for (; printed < s.results.length; printed++) process.stdout.write(JSON.stringify(s.results[printed]) + '\n');
      return s.done;
    });
    await browser.close();
    browser = undefined;
  }
  if (wants('compare')) {
    process.stdout.write(JSON.stringify(await compareBench(server.url, { seconds: longSeconds, projection: 'umap' })) + '\n');
  }
  if (wants('longtask')) {
    for (const projection of longProjections.split(',').filter(Boolean)) {
      log(`bench longtask: DEC on MNIST-10k with ${projection}, ${longSeconds} s…`);
      process.stdout.write(JSON.stringify(await longtask(server.url, projection)) + '\n');
    }
  }
} catch (err) {
  log(`bench failed: ${err instanceof Error ? err.message : err}`);
  code = 1;
} finally {
  await browser?.close();
  await server?.close();
}
process.exit(code);

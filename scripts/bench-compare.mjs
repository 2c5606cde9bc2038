/**
 * Bench 'compare': the real app training three runs side by side (three DEC runs that differ in α,
 * each projecting its own UMAP), against one of them alone. Over the same window of their
 * clustering phase it reports the runs' summed training speed (samples per second of wall time,
 * read from the samples each run reports seen), that speed for the run alone, and the longest
 * main-thread task. No pretraining (pretrainEpochs 0) and tol 0, so the window measures the
 * interleaving of three gradient loops, not a shared start.
 */
import { log, openPage, watchLongTasks } from './serve-built.mjs';

const RUN = 'arch=small&pretrainEpochs=0&maxIter=100000&tol=0&updateInterval=140';
const COMMON = 'dataset=mnist-10k&seed=3&sampleSize=5000&snapshotEveryMs=500';
const prefixed = (p, s) => s.replace(/(^|&)/g, `$1${p}`);

const ONE = `${COMMON}&${RUN}`;
const THREE = `${ONE}&r2.method=dec&${prefixed('r2.', RUN)}&r2.alpha=2&r3.method=dec&${prefixed('r3.', RUN)}&r3.alpha=0.5`;

/** Samples seen by every run (the cards in a comparison, the progress line alone), and whether all are in the clustering phase. */
function readRuns() {
  const cards = [...document.querySelectorAll('[data-testid=run-card]')];
  const els = cards.length ? cards : [document.querySelector('[data-testid=progress]')];
  return {
    samples: els.reduce((sum, e) => sum + Number(e.getAttribute('data-samples') ?? 0), 0),
    clustering: els.every((e) => e.getAttribute('data-phase') === 'cluster'),
    statuses: els.map((e) => e.getAttribute('data-status')),
  };
}

async function measure(url, hash, projection, seconds) {
  const { browser, page } = await openPage('about:blank');
  try {
    await page.addInitScript(watchLongTasks);
    await page.goto(`${url}#${hash}&projection=${projection}`);
    await page.getByTestId('train').click();
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('[data-testid=run-card]')];
      const els = cards.length ? cards : [document.querySelector('[data-testid=progress]')];
      return els.every((e) => e.getAttribute('data-phase') === 'cluster');
    }, undefined, { timeout: 180_000, polling: 250 });
    // A few seconds for the first projections (UMAP's cold frames) before the window opens.
    await page.waitForTimeout(5000);
    const t0 = await page.evaluate(() => performance.now());
    const first = await page.evaluate(readRuns);
    await page.waitForTimeout(seconds * 1000);
    const end = await page.evaluate(readRuns);
    const t1 = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate((t) => window.__longtasks.filter((e) => e.start + e.ms >= t).map((e) => e.ms), t0);
    if (!end.clustering) throw new Error(`a run left its clustering phase during the window (${end.statuses.join(', ')})`);
    return { samplesPerSec: Math.round(((end.samples - first.samples) * 1000) / (t1 - t0)), maxMs: Math.round(Math.max(0, ...tasks)), longTasks: tasks.length };
  } finally {
    await browser.close();
  }
}

export async function compareBench(url, { seconds, projection }) {
  log(`bench compare: one DEC run alone, ${seconds} s of its clustering phase (${projection})…`);
  const alone = await measure(url, ONE, projection, seconds);
  log(`bench compare: three DEC runs side by side, ${seconds} s…`);
  const three = await measure(url, THREE, projection, seconds);
  return {
    bench: 'compare',
    runs: 3,
    projection,
    seconds,
    samplesPerSec: three.samplesPerSec,
    aloneSamplesPerSec: alone.samplesPerSec,
    ratio: Math.round((three.samplesPerSec / alone.samplesPerSec) * 100) / 100,
    longestTaskMs: three.maxMs,
    longTasks: three.longTasks,
    aloneLongestTaskMs: alone.maxMs,
  };
}

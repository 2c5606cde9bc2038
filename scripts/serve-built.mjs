/**
 * Shared by reproduce.mjs and bench.mjs: build the app when dist/ is missing or older than its
 * sources, serve dist/ with Vite's preview server (same COOP/COEP headers as vite.config.ts, on a
 * free port), and open a page in Debian's Chromium. Logs go to stderr; stdout stays for results.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src', 'public', 'index.html', 'reproduce.html', 'bench.html', 'vite.config.ts', 'package.json'];
/** dist/ is fresh when this file, written by every build, is newer than every source. */
const STAMP = join(ROOT, 'dist', 'reproduce.html');

export const log = (...parts) => process.stderr.write(parts.join(' ') + '\n');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function ensureBuilt() {
  const sources = Math.max(...SOURCES.map((p) => newestMtime(join(ROOT, p))));
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= sources) return;
  if (!existsSync(join(ROOT, 'public', 'data'))) {
    log('preparing datasets (scripts/prepare-data.mjs)…');
    const prep = spawnSync(process.execPath, [join(ROOT, 'scripts', 'prepare-data.mjs')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (prep.status !== 0) throw new Error('preparing the datasets failed');
  }
  log('building the app (vite build)…');
  const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** Starts `vite preview` on a free port; returns { url, close }. */
export async function serveDist() {
  const { preview } = await import('vite');
  const server = await preview({ root: ROOT, logLevel: 'silent', preview: { port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://localhost:${port}/`, close: () => server.close() };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
];

/** Launches Chromium and opens `url`, forwarding the page's console to stderr; `setup(page)` runs first. */
export async function openPage(url, setup) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  page.on('console', (msg) => log(`  ${msg.text()}`));
  page.on('pageerror', (err) => log(`  page error: ${err.message}`));
  if (setup) await setup(page);
  await page.goto(url);
  return { browser, page };
}

/** Polls a window global until `done(value)` holds; no time limit (paper runs take long). */
export async function waitForGlobal(page, name, done) {
  for (;;) {
    const value = await page.evaluate((n) => window[n], name);
    if (value !== undefined && done(value)) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Installed before the app's scripts run, so no long task is missed: long tasks, and long
 * animation frames that name the scripts behind them (where Chromium supports them).
 */
export function watchLongTasks() {
  window.__longtasks = [];
  window.__loafs = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts ?? []).map((x) => ({ ms: Math.round(x.duration), what: `${x.invoker} ${x.sourceFunctionName ?? ''}`.trim() }));
        window.__loafs.push({ start: e.startTime, ms: e.duration, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // not supported: the longtask figures stand alone
  }
}

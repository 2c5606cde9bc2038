#!/usr/bin/env node
/**
 * npm run bench [-- --seconds 5 --backends wasm,webgl,webgpu,cpu]
 *
 * Runs bench.html in headless Chromium: for each backend, trains DEC's autoencoder (784-500-500-
 * 2000-10, batch 256) for a few seconds after warm-up, and prints one JSON line per backend:
 * {"bench":"train","model":"dec-ae","backend":"wasm","threads":2,"samplesPerSec":…}
 * or {"bench":…,"backend":…,"error":"…"} when that backend fails. Progress goes to stderr.
 */
import { ensureBuilt, log, openPage, serveDist, waitForGlobal } from './serve-built.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const seconds = Number(opt('seconds', '5'));
const backends = opt('backends', 'wasm,webgl,webgpu,cpu');
if (!(seconds > 0) || !/^[a-z,]+$/.test(backends)) {
  process.stderr.write('usage: npm run bench -- [--seconds N] [--backends wasm,webgl,webgpu,cpu]\n');
  process.exit(2);
}

let server;
let browser;
let code = 0;
try {
  ensureBuilt();
  server = await serveDist();
  const opened = await openPage(`${server.url}bench.html?${new URLSearchParams({ seconds: String(seconds), backends })}`);
  browser = opened.browser;
  // Print each line as soon as its backend finishes.
  let printed = 0;
  await waitForGlobal(opened.page, '__bench', (s) => {
    for (; printed < s.results.length; printed++) process.stdout.write(JSON.stringify(s.results[printed]) + '\n');
    return s.done;
  });
} catch (err) {
  log(`bench failed: ${err instanceof Error ? err.message : err}`);
  code = 1;
} finally {
  await browser?.close();
  await server?.close();
}
process.exit(code);

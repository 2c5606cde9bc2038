#!/usr/bin/env node
/**
 * npm run reproduce -- --method dec --dataset mnist-10k --seed 0 [--budget quick|paper]
 *                      [--backend auto|webgpu|wasm|webgl|cpu] [--k N] [--retention r] [--param key=value …]
 * npm run reproduce -- --method dec --data <folder | file.zip | IDX / CSV / .npy / CIFAR files…>
 * npm run reproduce -- --compare dec,dcn,idec --dataset mnist-10k --seed 0
 *
 * --data clusters your own files through the app's decode worker, exactly as a drop on the page
 * would (sub-folders = labels); repeat it to pass several files (e.g. an IDX images + labels pair).
 * Trains one run in headless Chromium with the app's own training worker (reproduce.html) and
 * prints exactly one JSON line to stdout:
 * {method, dataset, seed, budget, backend, acc, nmi, ari, silhouette, daviesBouldin, calinskiHarabasz, seconds, samplesPerSec}.
 * --compare trains up to four methods side by side in one worker, as the app's comparison does (one
 * shared pretraining where their autoencoders match), and prints one such line per method, then
 * {"compare":[{method, acc, nmi, ari, seconds}…], "seconds": wall time of the whole comparison,
 * "pretrainSeconds": the shared pretraining's part of it}. A --param applies to the methods that have it.
 * Progress goes to stderr. Bad arguments exit with code 2; a failed run with code 1.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ensureBuilt, log, openPage, serveDist, waitForGlobal } from './serve-built.mjs';

const USAGE =
  'usage: npm run reproduce -- (--method <id> | --compare <id>,<id>[,…]) (--dataset <id> | --data <path> …) [--seed N] [--budget quick|paper] ' +
  '[--backend auto|webgpu|wasm|webgl|cpu] [--k N] [--retention r] [--param key=value …]';
const BUDGETS = ['quick', 'paper'];
const BACKENDS = ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'];
const KEYS = ['method', 'compare', 'dataset', 'data', 'seed', 'budget', 'backend', 'k', 'retention', 'param'];

function badArgs(message, extra = '') {
  process.stderr.write(`${message}\n${USAGE}\n${extra}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { seed: '0', budget: 'quick', backend: 'auto', param: [], data: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // --key value, or --key=value
    const m = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!m || !KEYS.includes(m[1])) badArgs(`unknown argument '${arg}'`);
    const key = m[1];
    const value = m[2] ?? argv[++i];
    if (value === undefined) badArgs(`--${key} needs a value`);
    if (key === 'param' || key === 'data') opts[key].push(value);
    else opts[key] = value;
  }
  if (opts.method && opts.compare) badArgs('give --method or --compare, not both');
  if ((!opts.method && !opts.compare) || (!opts.dataset && opts.data.length === 0)) badArgs('--method (or --compare) and --dataset (or --data) are required');
  if (opts.compare !== undefined && !/^[a-z0-9-]+(,[a-z0-9-]+){1,3}$/.test(opts.compare)) badArgs(`--compare needs 2 to 4 method ids separated by commas, got '${opts.compare}'`);
  if (opts.dataset && opts.data.length) badArgs('give --dataset or --data, not both');
  for (const d of opts.data) if (!existsSync(d)) badArgs(`--data: no such file or folder '${d}'`);
  if (opts.retention !== undefined && !(Number(opts.retention) > 0 && Number(opts.retention) <= 1)) badArgs(`--retention must be in (0, 1], got '${opts.retention}'`);
  if (!/^\d+$/.test(opts.seed)) badArgs(`--seed must be a non-negative integer, got '${opts.seed}'`);
  if (!BUDGETS.includes(opts.budget)) badArgs(`--budget must be one of ${BUDGETS.join(', ')}`);
  if (!BACKENDS.includes(opts.backend)) badArgs(`--backend must be one of ${BACKENDS.join(', ')}`);
  if (opts.k !== undefined && !/^\d+$/.test(opts.k)) badArgs(`--k must be a positive integer, got '${opts.k}'`);
  for (const p of opts.param) if (!/^[^=]+=.*$/.test(p)) badArgs(`--param needs key=value, got '${p}'`);
  return opts;
}

/**
 * Every file under the --data paths, named relative to each path's parent so a folder keeps its
 * own name as the common root (then its sub-folders become labels, as in a drop).
 */
function listFiles(paths) {
  const out = [];
  const visit = (abs, rel) => {
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) visit(join(abs, name), `${rel}/${name}`);
    } else out.push({ abs, rel });
  };
  for (const p of paths) visit(resolve(p), basename(resolve(p)));
  return out;
}

const opts = parseArgs(process.argv.slice(2));
const dataFiles = listFiles(opts.data);
const q = new URLSearchParams({
  ...(opts.compare ? { compare: opts.compare } : { method: opts.method }),
  dataset: opts.dataset ?? 'user',
  seed: opts.seed,
  budget: opts.budget,
  backend: opts.backend,
});
if (opts.k !== undefined) q.set('k', opts.k);
if (opts.retention !== undefined) q.set('retention', opts.retention);
if (dataFiles.length) {
  q.set('data', '1');
  q.set('dataName', opts.data.map((p) => basename(resolve(p))).join('+'));
}

/** Serves the --data files to the page under /__user-data/<i>, with their names in a manifest. */
async function serveUserData(page) {
  await page.addInitScript((names) => {
    window.__userDataManifest = names;
  }, dataFiles.map((f) => f.rel));
  await page.route('**/__user-data/*', (route) => {
    const i = Number(new URL(route.request().url()).pathname.split('/').pop());
    const f = dataFiles[i];
    return f ? route.fulfill({ status: 200, body: readFileSync(f.abs), contentType: 'application/octet-stream' }) : route.fulfill({ status: 404 });
  });
}
for (const p of opts.param) q.append('param', p);

let server;
let browser;
let code = 0;
try {
  ensureBuilt();
  server = await serveDist();
  log(`${opts.compare ?? opts.method} on ${opts.dataset ?? q.get('dataName')}, seed ${opts.seed}, budget ${opts.budget} — ${server.url}`);
  if (dataFiles.length) log(`--data: ${dataFiles.length} files`);
  const opened = await openPage(`${server.url}reproduce.html?${q}`, dataFiles.length ? serveUserData : undefined);
  browser = opened.browser;
  const state = await waitForGlobal(opened.page, '__reproduce', (s) => s.status !== 'running');
  if (state.status === 'done') {
    for (const result of state.results) process.stdout.write(JSON.stringify(result) + '\n');
    if (state.summary) process.stdout.write(JSON.stringify(state.summary) + '\n');
  } else if (state.status === 'bad-args') {
    process.stderr.write(
      `${state.error}\n${USAGE}\nmethods: ${state.methods.join(', ')}\ndatasets: ${state.datasets.join(', ')}\n`,
    );
    code = 2;
  } else {
    log(`run failed: ${state.error}`);
    code = 1;
  }
} catch (err) {
  log(`reproduce failed: ${err instanceof Error ? err.message : err}`);
  code = 1;
} finally {
  await browser?.close();
  await server?.close();
}
process.exit(code);

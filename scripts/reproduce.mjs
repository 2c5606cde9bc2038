#!/usr/bin/env node
/**
 * npm run reproduce -- --method dec --dataset mnist-10k --seed 0 [--budget quick|paper]
 *                      [--backend auto|webgpu|wasm|webgl|cpu] [--k N] [--retention r] [--snapshot-every s]
 *                      [--param key=value …]
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
 * --snapshot-every (default 30 s): how often ACC is measured during the run, for the log; each one is
 * a pass over every point, so a long run on 70,000 points wants them rarer. Progress goes to stderr. Bad arguments (also --data paths with nothing to read) exit with code 2
 * and one line saying why; a failed run with code 1.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ensureBuilt, log, openPage, serveDist, waitForGlobal } from './serve-built.mjs';

const USAGE =
  'usage: npm run reproduce -- (--method <id> | --compare <id>,<id>[,…]) (--dataset <id> | --data <path> …) [--seed N] [--budget quick|paper] ' +
  '[--backend auto|webgpu|wasm|webgl|cpu] [--k N] [--retention r] [--snapshot-every seconds] [--param key=value …]';
const BUDGETS = ['quick', 'paper'];
const BACKENDS = ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'];
const KEYS = ['method', 'compare', 'dataset', 'data', 'seed', 'budget', 'backend', 'k', 'retention', 'snapshot-every', 'param'];
/** As the app's k control (src/state/params.ts): a clustering needs at least 2 clusters. */
const K_MIN = 2;
const K_MAX = 100;
/** Node reads at most 2 GiB into one buffer; the browser could not hold more anyway. */
const MAX_FILE_BYTES = 2 ** 31 - 1;

/** Exit 2 with one line; the usage follows only for mistakes in the command line's shape. */
function badArgs(message, { usage = false } = {}) {
  process.stderr.write(`${message}\n${usage ? `${USAGE}\n` : ''}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { seed: '0', budget: 'quick', backend: 'auto', param: [], data: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // --key value, or --key=value
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m || !KEYS.includes(m[1])) badArgs(`unknown argument '${arg}'`, { usage: true });
    const key = m[1];
    const value = m[2] ?? argv[++i];
    if (value === undefined) badArgs(`--${key} needs a value`, { usage: true });
    if (key === 'param' || key === 'data') opts[key].push(value);
    else opts[key] = value;
  }
  if (opts.method && opts.compare) badArgs('give --method or --compare, not both', { usage: true });
  if ((!opts.method && !opts.compare) || (!opts.dataset && opts.data.length === 0)) badArgs('--method (or --compare) and --dataset (or --data) are required', { usage: true });
  if (opts.compare !== undefined && !/^[a-z0-9-]+(,[a-z0-9-]+){1,3}$/.test(opts.compare)) badArgs(`--compare needs 2 to 4 method ids separated by commas, got '${opts.compare}'`);
  if (opts.dataset && opts.data.length) badArgs('give --dataset or --data, not both', { usage: true });
  if (opts.retention !== undefined && !(Number(opts.retention) > 0 && Number(opts.retention) <= 1)) badArgs(`--retention must be in (0, 1], got '${opts.retention}'`);
  if (opts['snapshot-every'] !== undefined && !(Number(opts['snapshot-every']) >= 1)) badArgs(`--snapshot-every must be a number of seconds ≥ 1, got '${opts['snapshot-every']}'`);
  if (!/^\d+$/.test(opts.seed)) badArgs(`--seed must be a non-negative integer, got '${opts.seed}'`);
  if (!BUDGETS.includes(opts.budget)) badArgs(`--budget must be one of ${BUDGETS.join(', ')}`);
  if (!BACKENDS.includes(opts.backend)) badArgs(`--backend must be one of ${BACKENDS.join(', ')}`);
  if (opts.k !== undefined && !(/^\d+$/.test(opts.k) && Number(opts.k) >= K_MIN && Number(opts.k) <= K_MAX)) {
    badArgs(`--k must be a whole number from ${K_MIN} to ${K_MAX} (the number of clusters), got '${opts.k}'`);
  }
  for (const p of opts.param) if (!/^[^=]+=.*$/.test(p)) badArgs(`--param needs key=value, got '${p}'`);
  return opts;
}

/** Why a path cannot be read, in words (lstat tells a broken link from a missing path). */
function whyUnreadable(abs, err) {
  if (err.code === 'ELOOP') return 'is a symbolic link that leads back to itself (a loop)';
  if (err.code === 'ENOENT') {
    try {
      if (lstatSync(abs).isSymbolicLink()) return 'is a symbolic link to something that does not exist';
    } catch {
      // not even the link is there
    }
    return 'does not exist (no such file or folder)';
  }
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${err.code ?? err.message})`;
}

/**
 * Every file under the --data paths, named relative to each path's parent so a folder keeps its
 * own name as the common root (then its sub-folders become labels, as in a drop). Links are
 * followed, but a folder is read once (a link back up the tree would never end); devices, pipes
 * and sockets are skipped like in tar (/dev/zero would be read until memory runs out). A --data
 * path that cannot be read, or that holds nothing to read, is a bad argument; inside a folder
 * such a file is skipped with a line on stderr, as a drop lists it and loads the rest.
 */
function listFiles(paths) {
  const out = [];
  const seenFolders = new Set();
  const visit = (abs, rel, given) => {
    const skip = (why) => {
      if (given) badArgs(`--data: '${given}' ${why}`);
      log(`skipped ${rel}: it ${why}`);
    };
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      return skip(whyUnreadable(abs, err));
    }
    if (st.isDirectory()) {
      const key = `${st.dev}:${st.ino}`;
      if (seenFolders.has(key)) return skip('is a folder already read (a link back up the tree)');
      seenFolders.add(key);
      let names;
      try {
        names = readdirSync(abs).sort();
      } catch (err) {
        return skip(whyUnreadable(abs, err));
      }
      for (const name of names) visit(join(abs, name), `${rel}/${name}`, null);
    } else if (!st.isFile()) {
      skip('is not a regular file or folder (a device, pipe or socket), so there is nothing to read');
    } else if (st.size > MAX_FILE_BYTES) {
      skip('is larger than 2 GB, more than the browser can read in one piece');
    } else out.push({ abs, rel });
  };
  for (const p of paths) visit(resolve(p), basename(resolve(p)), p);
  if (out.length === 0) badArgs(`--data: no files to read in ${paths.map((p) => `'${p}'`).join(', ')}`);
  return out;
}

const opts = parseArgs(process.argv.slice(2));
const dataFiles = opts.data.length ? listFiles(opts.data) : [];
const q = new URLSearchParams({
  ...(opts.compare ? { compare: opts.compare } : { method: opts.method }),
  dataset: opts.dataset ?? 'user',
  seed: opts.seed,
  budget: opts.budget,
  backend: opts.backend,
});
if (opts.k !== undefined) q.set('k', opts.k);
if (opts.retention !== undefined) q.set('retention', opts.retention);
if (opts['snapshot-every'] !== undefined) q.set('snapshotEvery', opts['snapshot-every']);
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
    let body = null;
    try {
      body = f ? readFileSync(f.abs) : null;
    } catch {
      // Removed or changed since it was listed: the page then reports it as unreadable.
    }
    return body ? route.fulfill({ status: 200, body, contentType: 'application/octet-stream' }) : route.fulfill({ status: 404 });
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

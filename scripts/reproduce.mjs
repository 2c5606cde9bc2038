#!/usr/bin/env node
/**
 * npm run reproduce -- --method dec --dataset mnist-10k --seed 0 [--budget quick|paper]
 *                      [--backend auto|webgpu|wasm|webgl|cpu] [--k N] [--param key=value …]
 *
 * Trains one run in headless Chromium with the app's own training worker (reproduce.html) and
 * prints exactly one JSON line to stdout:
 * {method, dataset, seed, budget, backend, acc, nmi, ari, silhouette, daviesBouldin, calinskiHarabasz, seconds, samplesPerSec}.
 * Progress goes to stderr. Bad arguments exit with code 2; a failed run with code 1.
 */
import { ensureBuilt, log, openPage, serveDist, waitForGlobal } from './serve-built.mjs';

const USAGE =
  'usage: npm run reproduce -- --method <id> --dataset <id> [--seed N] [--budget quick|paper] ' +
  '[--backend auto|webgpu|wasm|webgl|cpu] [--k N] [--param key=value …]';
const BUDGETS = ['quick', 'paper'];
const BACKENDS = ['auto', 'webgpu', 'wasm', 'webgl', 'cpu'];
const KEYS = ['method', 'dataset', 'seed', 'budget', 'backend', 'k', 'param'];

function badArgs(message, extra = '') {
  process.stderr.write(`${message}\n${USAGE}\n${extra}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { seed: '0', budget: 'quick', backend: 'auto', param: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // --key value, or --key=value
    const m = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!m || !KEYS.includes(m[1])) badArgs(`unknown argument '${arg}'`);
    const key = m[1];
    const value = m[2] ?? argv[++i];
    if (value === undefined) badArgs(`--${key} needs a value`);
    if (key === 'param') opts.param.push(value);
    else opts[key] = value;
  }
  if (!opts.method || !opts.dataset) badArgs('--method and --dataset are required');
  if (!/^\d+$/.test(opts.seed)) badArgs(`--seed must be a non-negative integer, got '${opts.seed}'`);
  if (!BUDGETS.includes(opts.budget)) badArgs(`--budget must be one of ${BUDGETS.join(', ')}`);
  if (!BACKENDS.includes(opts.backend)) badArgs(`--backend must be one of ${BACKENDS.join(', ')}`);
  if (opts.k !== undefined && !/^\d+$/.test(opts.k)) badArgs(`--k must be a positive integer, got '${opts.k}'`);
  for (const p of opts.param) if (!/^[^=]+=.*$/.test(p)) badArgs(`--param needs key=value, got '${p}'`);
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const q = new URLSearchParams({
  method: opts.method,
  dataset: opts.dataset,
  seed: opts.seed,
  budget: opts.budget,
  backend: opts.backend,
});
if (opts.k !== undefined) q.set('k', opts.k);
for (const p of opts.param) q.append('param', p);

let server;
let browser;
let code = 0;
try {
  ensureBuilt();
  server = await serveDist();
  log(`${opts.method} on ${opts.dataset}, seed ${opts.seed}, budget ${opts.budget} — ${server.url}`);
  const opened = await openPage(`${server.url}reproduce.html?${q}`);
  browser = opened.browser;
  const state = await waitForGlobal(opened.page, '__reproduce', (s) => s.status !== 'running');
  if (state.status === 'done') {
    process.stdout.write(JSON.stringify(state.result) + '\n');
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

/**
 * bench.html: runs every bench on every backend, one fresh worker each, and reports through
 * `window.__bench` (read by scripts/bench.mjs). Query: ?backends=wasm,webgl&seconds=5.
 * More benches: add an id to BENCHES and a case in bench.worker.ts.
 */
import type { BackendName } from '../worker/protocol';
import { BENCH_MODEL, type BenchRequest, type BenchResult } from './benchTypes';

const BENCHES = ['train'] as const;
const ALL_BACKENDS: BackendName[] = ['wasm', 'webgl', 'webgpu', 'cpu'];
/** A backend that hangs (e.g. a GPU driver) must not stall the whole report. */
const TIMEOUT_SLACK_S = 60;

interface BenchState {
  done: boolean;
  results: BenchResult[];
}
const state: BenchState = { done: false, results: [] };
(window as unknown as { __bench: BenchState }).__bench = state;

function runOne(req: BenchRequest): Promise<BenchResult> {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<BenchResult>((resolve) => {
    const fail = (error: string) => resolve({ bench: req.bench, model: BENCH_MODEL[req.bench] ?? req.bench, backend: req.backend, error });
    const timer = setTimeout(() => fail(`timed out after ${req.seconds + TIMEOUT_SLACK_S} s`), (req.seconds + TIMEOUT_SLACK_S) * 1000);
    worker.onmessage = (ev: MessageEvent<BenchResult>) => {
      clearTimeout(timer);
      resolve(ev.data);
    };
    worker.onerror = (ev) => {
      clearTimeout(timer);
      fail(ev.message || 'the bench worker failed to load');
    };
    worker.postMessage(req);
  }).finally(() => worker.terminate());
}

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const backends = (q.get('backends')?.split(',') ?? ALL_BACKENDS).filter((b): b is BackendName =>
    ALL_BACKENDS.includes(b as BackendName),
  );
  const seconds = Number(q.get('seconds') ?? 5);
  const out = document.getElementById('out')!;
  for (const bench of BENCHES) {
    for (const backend of backends) {
      console.log(`bench ${bench} on ${backend}…`);
      const r = await runOne({ bench, backend, seconds });
      state.results.push(r);
      out.textContent += JSON.stringify(r) + '\n';
    }
  }
  state.done = true;
}

void main();

/**
 * bench.html: runs the chosen benches and reports through `window.__bench` (read by
 * scripts/bench.mjs, which also runs 'longtask' on the real app). Every worker bench runs in a
 * fresh worker. Query: ?only=umap,tsne&sizes=5000,20000&full=1&backends=wasm&seconds=5.
 */
import type { BackendName } from '../core/engine/types';
import { benchPlan, cnnRoutes } from './benchPlan';
import { benchScatter } from './benchScatter';
import { BENCH_MODEL, type BenchRequest, type BenchResult, type ProjectionBenchRequest, type TimedResult } from './benchTypes';

const ALL_BACKENDS: BackendName[] = ['wasm', 'webgl', 'webgpu', 'cpu'];
/** A backend that hangs (e.g. a GPU driver) must not stall the whole report; SwiftShader WebGPU needs ~2 min. */
const TIMEOUT_SLACK_S = 180;
/** The CNN on the software renderers here: minutes for its warm-up and first step. */
const CNN_TIMEOUT_SLACK_S = 420;
/** A projection bench past this is reported as timed out. */
const PROJECTION_TIMEOUT_S = 900;

type Line = BenchResult | TimedResult;
interface BenchState {
  done: boolean;
  results: Line[];
}
const state: BenchState = { done: false, results: [] };
(window as unknown as { __bench: BenchState }).__bench = state;

function inWorker<T>(req: BenchRequest | ProjectionBenchRequest, timeoutS: number, fail: (error: string) => T): Promise<T> {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fail(`timed out after ${timeoutS} s`)), timeoutS * 1000);
    worker.onmessage = (ev: MessageEvent<T>) => {
      clearTimeout(timer);
      resolve(ev.data);
    };
    worker.onerror = (ev) => {
      clearTimeout(timer);
      resolve(fail(ev.message || 'the bench worker failed to load'));
    };
    worker.postMessage(req);
  }).finally(() => worker.terminate());
}

function report(line: Line): void {
  state.results.push(line);
  document.getElementById('out')!.textContent += JSON.stringify(line) + '\n';
}

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const backends = (q.get('backends')?.split(',') ?? ALL_BACKENDS).filter((b): b is BackendName =>
    ALL_BACKENDS.includes(b as BackendName),
  );
  const seconds = Number(q.get('seconds') ?? 5);
  const sizes = q.get('sizes')?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) ?? null;
  const plan = benchPlan(q.get('only'), sizes, q.get('full') === '1');

  if (plan.train) {
    for (const backend of backends) {
      console.log(`bench train on ${backend}…`);
      const req: BenchRequest = { bench: 'train', backend, seconds };
      report(await inWorker<BenchResult>(req, seconds + TIMEOUT_SLACK_S, (error) => ({ bench: 'train', model: BENCH_MODEL.train, backend, error })));
    }
  }
  if (plan.trainCnn) {
    for (const backend of backends) {
      const { run, skipped } = cnnRoutes(backend, q.get('full') === '1');
      for (const route of run) {
        console.log(`bench train-cnn on ${backend} (${route})…`);
        const req: BenchRequest = { bench: 'train-cnn', backend, seconds, route };
        const model = BENCH_MODEL['train-cnn'];
        report(await inWorker<BenchResult>(req, seconds + CNN_TIMEOUT_SLACK_S, (error) => ({ bench: 'train-cnn', model, backend, route, error })));
      }
      for (const { route, why } of skipped) report({ bench: 'train-cnn', backend, route, skipped: why });
    }
  }
  for (const job of plan.projection) {
    console.log(`bench ${job.want.join(', ')} on ${job.points} points…`);
    const req: ProjectionBenchRequest = { bench: 'projection', ...job };
    const lines = await inWorker<TimedResult[]>(req, PROJECTION_TIMEOUT_S, (error) => job.want.map((bench) => ({ bench, points: job.points, error })));
    lines.forEach(report);
  }
  plan.skipped.forEach(report);
  for (const n of plan.scatter) {
    try {
      report(benchScatter(n));
    } catch (err) {
      report({ bench: 'scatter-redraw', points: n, error: err instanceof Error ? err.message : String(err) });
    }
  }
  state.done = true;
}

void main();

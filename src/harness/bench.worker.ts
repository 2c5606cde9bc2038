/// <reference lib="webworker" />
/**
 * One bench in a fresh worker, so backends and sizes never share a realm. 'train' picks its
 * backend with the app's own chooser (a fallback to another backend counts as a failure);
 * 'projection' runs the projection benches, which need no tfjs.
 */
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { chooseBackend } from '../worker/backend';
import { benchProjection } from './benchProjection';
import { benchTrain } from './benchTrain';
import { benchTrainCnn } from './benchTrainCnn';
import { pickConvRoute } from '../core/nn/convRoutes';
import { BENCH_MODEL, type BenchRequest, type BenchResult, type ProjectionBenchRequest, type TimedResult } from './benchTypes';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function train(req: BenchRequest): Promise<BenchResult> {
  const { bench, backend, seconds, route } = req;
  const model = BENCH_MODEL[bench] ?? bench;
  try {
    const choice = await chooseBackend(backend);
    if (choice.backend !== backend) throw new Error(`${backend} did not start (${choice.notices.join('; ')})`);
    if (bench !== 'train' && bench !== 'train-cnn') throw new Error(`unknown bench '${bench}'`);
    const cnnRoute = route ?? pickConvRoute(backend);
    const r = bench === 'train' ? await benchTrain(seconds) : await benchTrainCnn(seconds, cnnRoute);
    return {
      bench,
      model,
      backend,
      ...(backend === 'wasm' ? { threads: getThreadsCount() } : {}),
      ...(bench === 'train-cnn' ? { route: cnnRoute, picked: cnnRoute === pickConvRoute(backend) } : {}),
      samplesPerSec: Math.round(r.samplesPerSec),
      steps: r.steps,
      seconds: Math.round(r.seconds * 100) / 100,
      reason: choice.reason,
    };
  } catch (err) {
    return { bench, model, backend, ...(route ? { route } : {}), error: err instanceof Error ? err.message : String(err) };
  }
}

async function projection(req: ProjectionBenchRequest): Promise<TimedResult[]> {
  try {
    return await benchProjection(req, new URL(import.meta.env.BASE_URL, scope.location.href).href);
  } catch (err) {
    return req.want.map((bench) => ({ bench, points: req.points, error: err instanceof Error ? err.message : String(err) }));
  }
}

scope.onmessage = async (ev: MessageEvent<BenchRequest | ProjectionBenchRequest>) => {
  const req = ev.data;
  scope.postMessage(req.bench === 'projection' ? await projection(req as ProjectionBenchRequest) : await train(req as BenchRequest));
};

/// <reference lib="webworker" />
/**
 * One bench on one backend, in a fresh worker so backends never share a realm. The backend is
 * picked with the app's own chooser; a fallback to another backend counts as a failure here.
 */
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { chooseBackend } from '../worker/backend';
import { benchTrain } from './benchTrain';
import { BENCH_MODEL, type BenchRequest, type BenchResult } from './benchTypes';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (ev: MessageEvent<BenchRequest>) => {
  const { bench, backend, seconds } = ev.data;
  const model = BENCH_MODEL[bench] ?? bench;
  let result: BenchResult;
  try {
    const choice = await chooseBackend(backend);
    if (choice.backend !== backend) throw new Error(`${backend} did not start (${choice.notices.join('; ')})`);
    if (bench !== 'train') throw new Error(`unknown bench '${bench}'`);
    const r = await benchTrain(seconds);
    result = {
      bench,
      model,
      backend,
      ...(backend === 'wasm' ? { threads: getThreadsCount() } : {}),
      samplesPerSec: Math.round(r.samplesPerSec),
      steps: r.steps,
      seconds: Math.round(r.seconds * 100) / 100,
      reason: choice.reason,
    };
  } catch (err) {
    result = { bench, model, backend, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(result);
};

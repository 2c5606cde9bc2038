/**
 * Picks the tfjs backend for the training worker (browser only). `auto`: WebGPU on a hardware
 * adapter; otherwise WASM (SIMD, threads when cross-origin isolated), then WebGL, then CPU. An
 * explicit choice is tried first and falls back along the same order, with a notice.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName, BackendPreference } from '../core/engine/types';

export interface BackendChoice {
  backend: BackendName;
  /** Why this one, for people, e.g. "WASM (SIMD, 2 threads) — no WebGPU adapter". */
  reason: string;
  /** Fallbacks that happened on the way (an override that failed). */
  notices: string[];
}

const ORDER: readonly BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];
const LABEL: Record<BackendName, string> = { webgpu: 'WebGPU', wasm: 'WASM', webgl: 'WebGL', cpu: 'CPU' };

let wasmConfigured = false;

/** Must run before the WASM backend initialises: paths to the bundled binaries, thread count. */
function configureWasm(): void {
  if (wasmConfigured) return;
  wasmConfigured = true;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
  });
  // tfjs otherwise caps the pool at half the cores; training is the only work in this worker.
  if (self.crossOriginIsolated) setThreadsCount(Math.max(1, navigator.hardwareConcurrency || 1));
}

/**
 * tfjs-backend-wasm 4.22 also caps threads at `navigator.hardwareConcurrency / 2` inside the WASM
 * module (it assumes two hyperthreads per core), read once when the module starts. On 2 cores that
 * means 1 thread whatever setThreadsCount says; 2 threads train ~1.4x faster. So while the module
 * starts, report twice the logical cores, then restore the real value.
 */
async function withUncappedWasmThreads<T>(start: () => Promise<T>): Promise<T> {
  const cores = navigator.hardwareConcurrency || 1;
  if (!self.crossOriginIsolated) return start();
  Object.defineProperty(navigator, 'hardwareConcurrency', { value: cores * 2, configurable: true });
  try {
    return await start();
  } finally {
    delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

/** Why WebGPU is not worth using here, or null when a hardware adapter exists. */
async function webgpuProblem(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return 'WebGPU is not available in this browser';
  let adapter: GPUAdapter | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null;
  }
  if (!adapter) return 'no WebGPU adapter';
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const fallback =
    (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter ||
    (info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter;
  const arch = info?.architecture ?? '';
  if (arch === 'swiftshader' || /swiftshader/i.test(info?.description ?? '')) {
    return 'WebGPU adapter is a software renderer (swiftshader)';
  }
  if (fallback) return 'WebGPU adapter is a software fallback';
  return null;
}

async function wasmDetail(): Promise<string> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = getThreadsCount();
  const parts = [simd ? 'SIMD' : 'no SIMD', threads > 1 ? `${threads} threads` : '1 thread'];
  if (threads <= 1 && !self.crossOriginIsolated) parts.push('page not cross-origin isolated');
  return parts.join(', ');
}

async function tryBackend(name: BackendName): Promise<boolean> {
  if (name === 'wasm') configureWasm();
  try {
    const started = name === 'wasm' ? await withUncappedWasmThreads(() => tf.setBackend(name)) : await tf.setBackend(name);
    return started && tf.getBackend() === name;
  } catch {
    return false;
  }
}

export async function chooseBackend(pref: BackendPreference): Promise<BackendChoice> {
  const notices: string[] = [];
  const skipped: string[] = [];
  const candidates: BackendName[] = pref === 'auto' ? [...ORDER] : [pref, ...ORDER.filter((b) => b !== pref)];
  for (const name of candidates) {
    const chosenByUser = pref === name;
    if (name === 'webgpu' && !chosenByUser) {
      const problem = await webgpuProblem();
      if (problem) {
        skipped.push(problem);
        continue;
      }
    }
    if (!(await tryBackend(name))) {
      const msg = `${LABEL[name]} failed to start`;
      if (chosenByUser) notices.push(`${msg}; falling back`);
      skipped.push(msg);
      continue;
    }
    const detail = name === 'wasm' ? ` (${await wasmDetail()})` : '';
    const why = chosenByUser ? 'chosen by you' : skipped.length ? skipped.join('; ') : 'fastest available';
    return { backend: name, reason: `${LABEL[name]}${detail} — ${why}`, notices };
  }
  throw new Error(`no tfjs backend could start: ${skipped.join('; ')}`);
}

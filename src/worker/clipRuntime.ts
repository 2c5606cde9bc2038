/**
 * Where the ONNX runtime that runs CLIP (transformers.js → onnxruntime-web) finds its WASM files:
 * the app's own copies, emitted by Vite from the npm package — never a CDN. Importing this module
 * costs only two URLs; the runtime itself loads with the CLIP chunk when a CLIP method runs.
 * The asyncify build is the one transformers.js picks for WASM with WebGPU support.
 */
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { configureClipRuntime } from '../core/external/clip';

export function configureClipWasm(base: string): void {
  configureClipRuntime({ wasmPaths: { mjs: new URL(ortMjs, base).href, wasm: new URL(ortWasm, base).href } });
}

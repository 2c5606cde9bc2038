// Vitest setup: run tfjs on the WASM backend in Node (tfjs-node cannot install here), which is the
// same kernel code the browser's WASM backend runs.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

await tf.setBackend('wasm');
await tf.ready();

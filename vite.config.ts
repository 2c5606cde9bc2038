import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// COOP/COEP make the page cross-origin isolated, which the tfjs WASM backend needs for threads
// (SharedArrayBuffer). Same headers in dev and preview so both behave alike.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolationHeaders, port: 5173 },
  preview: { headers: isolationHeaders, port: 4173 },
  worker: {
    format: 'es',
    // The threaded WASM backend starts its pthreads from `factory.toString()`, so the factory
    // must survive bundling as written: renaming or compressing it breaks `_scriptDir`.
    rolldownOptions: { output: { minify: { compress: false, mangle: false, codegen: true } } },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // The app plus the two headless harness pages used by `npm run reproduce` and `npm run bench`.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        reproduce: fileURLToPath(new URL('reproduce.html', import.meta.url)),
        bench: fileURLToPath(new URL('bench.html', import.meta.url)),
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/core/testing/tfSetup.ts'],
    testTimeout: 120_000,
  },
});

// Experiments (long runs that print figures, not tests): `npx vitest run -c scripts/experiments/vitest.config.ts <file>`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['scripts/experiments/**/*.exp.ts'],
    environment: 'node',
    setupFiles: ['src/core/testing/tfSetup.ts'],
    testTimeout: 3_600_000,
  },
});
